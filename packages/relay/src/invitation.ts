// Invitations are parsed in the browser extension too, so they live in @tianbao/core (no Node APIs).
export { type DecodedInvitation, decodeInvitation, encodeInvitation, type Invitation } from '@tianbao/core';
