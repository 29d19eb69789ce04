package org.polyphony.opinions.analysis;

/** The side of a statement that a group, or everyone, leans to. */
public enum Stance {
    AGREE,
    DISAGREE
}
