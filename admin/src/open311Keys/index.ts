import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { Open311KeyList } from './Open311KeyList.tsx';

/** Open311 API keys: one page (issue and revoke); no react-admin data-provider calls. */
export default {
  list: Open311KeyList,
  icon: VpnKeyIcon,
};
