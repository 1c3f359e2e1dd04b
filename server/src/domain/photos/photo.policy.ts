/** Who may upload photos and who gets their URLs. */
import { isMasked, type Viewer } from '../auth/viewer.ts';
import { forbidden } from '../kernel/errors.ts';

/** Anyone signed in but a display screen may upload a photo (to attach it to a wish they list or resolve). */
export function requireUploader(viewer: Viewer): void {
  if (isMasked(viewer)) throw forbidden('A display screen may not upload photos');
}

/**
 * The photos of a wish go to whoever may see the wish's personal data: callers pass only wishes the viewer may
 * see, and a masked view (a display screen) gets none. An unattached photo goes to its uploader only (the answer
 * of uploadPhoto).
 */
export function maySeePhotosOf(wish: { masked: boolean }): boolean {
  return !wish.masked;
}
