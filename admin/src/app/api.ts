/**
 * The app's requests: typed documents over plain fetch with the signed-in token (the panel's session, so a
 * member signed in at /admin/ is signed in here too), and photo uploads as GraphQL multipart requests with
 * their progress.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { getToken } from '../auth/session.ts';
import { GRAPHQL_URL } from '../data/graphql-endpoint.ts';
import { ApiError, request } from '../data/graphql-fetch.ts';

export { ApiError };

export function call<T, V extends Record<string, unknown>>(
  document: TypedDocumentNode<T, V>,
  variables: V,
): Promise<T> {
  return request<T>(print(document), variables, getToken());
}

/** The error's code (CONFLICT, FORBIDDEN, NETWORK, …), UNKNOWN for anything else. */
export const errorCode = (error: unknown): string => (error instanceof ApiError ? error.code : 'UNKNOWN');

export interface UploadedPhoto {
  id: string;
  url: string;
  thumbnailUrl: string;
}

const UPLOAD = 'mutation AppUploadPhoto($file: File!) { uploadPhoto(file: $file) { id url thumbnailUrl } }';

/**
 * One photo as a GraphQL multipart request (operations, map, file), reporting the share sent (0–1).
 * XMLHttpRequest, because fetch cannot report upload progress.
 */
export function uploadPhoto(file: Blob, name: string, onProgress: (share: number) => void): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: UPLOAD, variables: { file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', file, name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', GRAPHQL_URL);
    const token = getToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    // Yoga refuses multipart requests without a preflight-forcing header (CSRF prevention).
    xhr.setRequestHeader('x-graphql-yoga-csrf', 'app');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError('network error', 'NETWORK'));
    xhr.onload = () => {
      let body: {
        data?: { uploadPhoto?: UploadedPhoto };
        errors?: { message?: string; extensions?: { code?: string } }[];
      };
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(new ApiError(`HTTP ${xhr.status}`, 'NETWORK'));
        return;
      }
      const first = body.errors?.[0];
      if (first) reject(new ApiError(first.message ?? 'error', first.extensions?.code ?? 'UNKNOWN'));
      else if (body.data?.uploadPhoto) resolve(body.data.uploadPhoto);
      else reject(new ApiError(`HTTP ${xhr.status}`, 'NETWORK'));
    };
    xhr.send(form);
  });
}
