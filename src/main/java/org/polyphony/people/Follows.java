package org.polyphony.people;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.polyphony.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Who follows whom: people follow people and organisations, and read what they write in their feed. */
@Service
class Follows {

    private final JdbcClient jdbc;
    private final Organisations organisations;

    Follows(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    void followPerson(AccountId follower, AccountId followed) {
        if (follower.equals(followed)) {
            return;
        }
        jdbc.sql("INSERT INTO people_follow (follower_id, account_id) VALUES (:f, :a) ON CONFLICT DO NOTHING")
                .param("f", follower.value())
                .param("a", followed.value())
                .update();
    }

    void followOrganisation(AccountId follower, long organisation) {
        jdbc.sql("INSERT INTO people_follow (follower_id, organisation_id) VALUES (:f, :o) ON CONFLICT DO NOTHING")
                .param("f", follower.value())
                .param("o", organisation)
                .update();
    }

    void unfollowPerson(AccountId follower, AccountId followed) {
        jdbc.sql("DELETE FROM people_follow WHERE follower_id = :f AND account_id = :a")
                .param("f", follower.value())
                .param("a", followed.value())
                .update();
    }

    void unfollowOrganisation(AccountId follower, long organisation) {
        jdbc.sql("DELETE FROM people_follow WHERE follower_id = :f AND organisation_id = :o")
                .param("f", follower.value())
                .param("o", organisation)
                .update();
    }

    boolean followsPerson(AccountId follower, AccountId followed) {
        return jdbc.sql("SELECT count(*) FROM people_follow WHERE follower_id = :f AND account_id = :a")
                        .param("f", follower.value())
                        .param("a", followed.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean followsOrganisation(AccountId follower, long organisation) {
        return jdbc.sql("SELECT count(*) FROM people_follow WHERE follower_id = :f AND organisation_id = :o")
                        .param("f", follower.value())
                        .param("o", organisation)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The people whose writing a follower's feed shows: those followed, and members of organisations followed. */
    Set<AccountId> authorsFor(AccountId follower) {
        Set<AccountId> authors = new LinkedHashSet<>();
        jdbc.sql("SELECT account_id FROM people_follow WHERE follower_id = :f AND account_id IS NOT NULL")
                .param("f", follower.value())
                .query(Long.class)
                .list()
                .forEach(id -> authors.add(new AccountId(id)));
        List<Long> followedOrganisations = jdbc.sql(
                        "SELECT organisation_id FROM people_follow WHERE follower_id = :f AND organisation_id IS NOT NULL")
                .param("f", follower.value())
                .query(Long.class)
                .list();
        authors.addAll(organisations.activeMembers(followedOrganisations));
        authors.remove(follower);
        return authors;
    }

    void forget(AccountId account) {
        jdbc.sql("DELETE FROM people_follow WHERE follower_id = :a OR account_id = :a")
                .param("a", account.value())
                .update();
    }
}
