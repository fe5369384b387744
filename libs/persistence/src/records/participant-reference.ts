// The rule lives in libs/domain; kept here so existing imports from persistence still resolve.
export { UnknownGadmError, withGadmReference } from '@rueda/domain';
