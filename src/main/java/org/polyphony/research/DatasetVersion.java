package org.polyphony.research;

/** One upload of a dataset: its number, how many rows it had, and whether it is published. */
public record DatasetVersion(long id, int number, long rows, boolean published) {}
