/**
 * The use cases of Sijill: one class per thing a user does (import a list, link the case's lists,
 * estimate, ingest evidence, find earlier near-duplicates, export). Each takes its collaborators in
 * its constructor, returns a typed result and reports progress through a {@link
 * org.sijill.workflow.ProgressListener}. This is the only place where the libraries ({@code
 * linkage}, {@code estimate}, {@code media}, {@code vault}) and the case file meet; the CLI and the
 * web app call it and hold no rule of their own.
 */
package org.sijill.workflow;
