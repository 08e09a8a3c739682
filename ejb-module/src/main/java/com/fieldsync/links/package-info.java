/**
 * The link table: ERP key to platform id per platform and record kind, with the hash of what was
 * last confirmed, so unchanged records cost no call and a create is never repeated.
 */
package com.fieldsync.links;
