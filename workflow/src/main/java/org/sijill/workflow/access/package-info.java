/**
 * Restricted items: access groups and who is in them ({@link org.sijill.workflow.access.Groups}),
 * and the one policy every read path asks before showing who is in an item ({@link
 * org.sijill.workflow.access.Visibility}).
 */
package org.sijill.workflow.access;
