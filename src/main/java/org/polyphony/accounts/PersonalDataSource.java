package org.polyphony.accounts;

/**
 * What another module keeps about a person, for their own data download: each module that holds personal data
 * implements this, and the download gathers every section. The accounts module so learns nothing of the others.
 */
public interface PersonalDataSource {

    /** The section's name in the download ("opinions"). */
    String section();

    /** This person's data in the section, as maps, lists and plain values; null or empty when there is none. */
    Object dataOf(AccountId account);
}
