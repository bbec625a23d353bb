export { LOCAL_USER_ID, ORG_HEADER, type Principal } from './principal.ts';
