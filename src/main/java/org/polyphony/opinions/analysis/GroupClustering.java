package org.polyphony.opinions.analysis;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Opinion groups from base clusters: weighted k-means of the base-cluster centres for k from 2 to min(5, 2 + ⌊base
 * clusters / 12⌋), keeping the k whose grouping has the best silhouette (the smaller k on a tie). Few base clusters
 * allow few groups, so a small conversation is not split finer than its votes can support.
 *
 * <p>Our addition to the described method: every group must hold at least {@link #MIN_GROUP_SIZE} participants,
 * the fewest whose unanimous votes can make a statement significantly theirs (n / √(n + 2) > 1.2816 from n = 3).
 * Without it one participant who disagrees with nearly everything becomes a "group" of one, which squared-error
 * k-means favours and silhouette rewards, but which has no representative statements and alone drags every
 * statement's group-informed consensus down.
 */
final class GroupClustering {

    static final int MAX_GROUPS = 5;
    static final int MIN_GROUP_SIZE = 3;
    private static final int RESTARTS = 20;

    private GroupClustering() {}

    /**
     * How many analyses in a row a new k must have the best silhouette before it replaces the k in force. Pol.is
     * says "several"; one would let the groups flicker between two k whose silhouettes are close, as they often are
     * while votes come in.
     */
    static final int WINS_TO_SWITCH = 3;

    /**
     * @param groupOfBase group of each base cluster, groups numbered from 0
     * @param challenger see {@link GroupHistory#challenger()}
     */
    record Grouping(int k, int[] groupOfBase, double silhouette, int challenger, int challengerWins) {}

    /**
     * The groups in force at the previous analysis, for a warm start.
     *
     * @param centres {x, y} of each group's centre, taken on the new map (the mean position of its members now)
     */
    record Previous(int k, double[][] centres, int challenger, int challengerWins) {}

    /**
     * @param previous the groups in force so far, or null to compute from scratch: then the k with the best
     *     silhouette wins outright
     */
    static Optional<Grouping> choose(KMeans.Clusters base, long seed, Previous previous) {
        int b = base.count();
        int largestK = Math.min(b, Math.min(MAX_GROUPS, 2 + b / 12));
        Grouping best = null;
        Grouping inForce = null;
        for (int k = 2; k <= largestK; k++) {
            boolean warm = previous != null && previous.k() == k;
            KMeans.Clusters groups = warm ? fromPrevious(base, previous, seed) : null;
            if (groups == null) {
                groups = fromFirstCentres(base, k);
                if (groups != null && rule != Rule.FIRST_START_ONLY) {
                    groups = betterSeparated(base, k, seed, groups);
                }
            }
            if (groups == null) {
                groups = bestOfRestarts(base, k, seed);
            }
            if (groups == null) {
                continue; // the centres do not spread into k groups large enough
            }
            double silhouette = Silhouette.of(base.x(), base.y(), base.weight(), groups.label(), k);
            Grouping candidate = new Grouping(k, groups.label(), silhouette, 0, 0);
            if (best == null || silhouette > best.silhouette()) {
                best = candidate;
            }
            if (warm) {
                inForce = candidate;
            }
        }
        if (inForce == null || best == inForce) {
            return Optional.ofNullable(best);
        }
        int wins = best.k() == previous.challenger() ? previous.challengerWins() + 1 : 1;
        if (wins >= WINS_TO_SWITCH) {
            return Optional.of(best);
        }
        return Optional.of(new Grouping(inForce.k(), inForce.groupOfBase(), inForce.silhouette(), best.k(), wins));
    }

    /** How a poor first start is caught; measured in docs/opinions.md ("Groups that hold"). */
    enum Rule {
        /** The first start decides; restarts only when it gives no valid grouping (the first round's rule). */
        FIRST_START_ONLY,
        /** A restart replaces the first start when its silhouette is higher at all. */
        BEST_SILHOUETTE,
        /** A restart replaces the first start only when its silhouette is higher by {@link #CLEARLY_BETTER}. */
        CLEARLY_BETTER_SILHOUETTE
    }

    /** Silhouette a restart must gain over the first start to replace it. */
    static final double CLEARLY_BETTER = 0.1;

    /** The rule in force; a field only so that the measurements can compare rules. */
    static volatile Rule rule = Rule.CLEARLY_BETTER_SILHOUETTE;

    /**
     * The first start's grouping, unless a seeded restart separates the groups clearly better: a poor start must not
     * decide k (a poorly separated split at k = 2 would lose to a larger k that the right split at 2 would beat).
     * Only a clear gain replaces the first start, because where the first start is not poor it is Pol.is's own and
     * matches its recorded groups better than the tightest restart does (bg2050, docs/opinions.md).
     */
    private static KMeans.Clusters betterSeparated(KMeans.Clusters base, int k, long seed, KMeans.Clusters first) {
        double firstSilhouette = Silhouette.of(base.x(), base.y(), base.weight(), first.label(), k);
        double needed = rule == Rule.BEST_SILHOUETTE ? firstSilhouette : firstSilhouette + CLEARLY_BETTER;
        SplittableRandom random = new SplittableRandom(seed * 31 + k);
        KMeans.Clusters best = first;
        double bestSilhouette = needed;
        for (int restart = 0; restart < RESTARTS; restart++) {
            KMeans.Clusters candidate = KMeans.run(base.x(), base.y(), base.weight(), k, random.split());
            if (candidate.count() != k || !Arrays.stream(candidate.weight()).allMatch(w -> w >= MIN_GROUP_SIZE)) {
                continue;
            }
            double silhouette = Silhouette.of(base.x(), base.y(), base.weight(), candidate.label(), k);
            if (silhouette > bestSilhouette) {
                best = candidate;
                bestSilhouette = silhouette;
            }
        }
        return best;
    }

    /** Lloyd's iterations from the previous groups' centres; null when they no longer give k groups large enough. */
    private static KMeans.Clusters fromPrevious(KMeans.Clusters base, Previous previous, long seed) {
        KMeans.Clusters groups = KMeans.run(
                base.x(), base.y(), base.weight(), previous.k(), previous.centres(), new SplittableRandom(seed));
        boolean valid =
                groups.count() == previous.k() && Arrays.stream(groups.weight()).allMatch(w -> w >= MIN_GROUP_SIZE);
        return valid ? groups : null;
    }

    /**
     * Lloyd's iterations from the first k distinct base-cluster centres, in their order, as Pol.is starts them; null
     * when that does not give k groups of at least {@link #MIN_GROUP_SIZE}. Of the stable groupings a conversation
     * may have, this start reaches the ones Pol.is records where the tightest one (by squared error, or by
     * silhouette) differs: on bg2050, 99/8 as recorded instead of 102/5 (docs/opinions.md).
     */
    private static KMeans.Clusters fromFirstCentres(KMeans.Clusters base, int k) {
        double[][] start = KMeans.firstDistinct(base.x(), base.y(), k);
        if (start[0].length < k) {
            return null;
        }
        KMeans.Clusters groups = KMeans.run(base.x(), base.y(), base.weight(), k, start, new SplittableRandom(0));
        boolean valid = groups.count() == k && Arrays.stream(groups.weight()).allMatch(w -> w >= MIN_GROUP_SIZE);
        return valid ? groups : null;
    }

    /**
     * When the first centres give no valid grouping: k-means++ can seed badly; seeded restarts, keeping the tightest grouping into k groups of at least
     * {@link #MIN_GROUP_SIZE}, make the groups stable. Null when no restart gives one.
     */
    private static KMeans.Clusters bestOfRestarts(KMeans.Clusters base, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + k);
        KMeans.Clusters best = null;
        for (int restart = 0; restart < RESTARTS; restart++) {
            KMeans.Clusters candidate = KMeans.run(base.x(), base.y(), base.weight(), k, random.split());
            if (candidate.count() == k
                    && Arrays.stream(candidate.weight()).allMatch(w -> w >= MIN_GROUP_SIZE)
                    && (best == null || candidate.inertia() < best.inertia())) {
                best = candidate;
            }
        }
        return best;
    }
}
