package org.polyphony.opinions.analysis;

import org.ejml.simple.SimpleEVD;
import org.ejml.simple.SimpleMatrix;

/**
 * The two main axes of disagreement, and the map position of each participant on them.
 *
 * <p>Missing votes are filled with their statement's mean of observed votes, so after centring every missing cell is
 * exactly zero: the covariance of the filled matrix is a sum over the votes actually cast, built here from the sparse
 * rows (statements × statements, 8 MB for 1,000 statements) without ever materialising participants × statements.
 * EJML's symmetric eigen-decomposition of that covariance gives the components.
 */
final class PrincipalComponents {

    private final double[] centre;
    private final double[] first;
    private final double[] second;

    private PrincipalComponents(double[] centre, double[] first, double[] second) {
        this.centre = centre;
        this.first = first;
        this.second = second;
    }

    /**
     * @param rows the participants the components are fitted to (the clustered ones)
     * @param matrixValue each vote as the matrix holds it (rejected statements' votes are zero)
     */
    static PrincipalComponents fit(Conversation conversation, int[] rows, double[] matrixValue) {
        int m = conversation.statementCount();
        double[] centre = columnMeans(conversation, rows, matrixValue);
        double[] covariance = new double[m * m];
        double[] centred = new double[m];
        int[] cols = new int[m];
        for (int p : rows) {
            int k = 0;
            for (int e = conversation.rowStart(p); e < conversation.rowEnd(p); e++) {
                cols[k] = conversation.column(e);
                centred[k] = matrixValue[e] - centre[cols[k]];
                k++;
            }
            // columns ascend within a row, so this fills the upper triangle
            for (int a = 0; a < k; a++) {
                int offset = cols[a] * m;
                double va = centred[a];
                for (int b = a; b < k; b++) {
                    covariance[offset + cols[b]] += va * centred[b];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                covariance[j * m + i] = covariance[i * m + j];
            }
        }
        double[][] components = topTwoEigenvectors(covariance, m);
        return new PrincipalComponents(centre, components[0], components[1]);
    }

    private static double[] columnMeans(Conversation conversation, int[] rows, double[] matrixValue) {
        int m = conversation.statementCount();
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int p : rows) {
            for (int e = conversation.rowStart(p); e < conversation.rowEnd(p); e++) {
                sum[conversation.column(e)] += matrixValue[e];
                count[conversation.column(e)]++;
            }
        }
        double[] mean = new double[m];
        for (int j = 0; j < m; j++) {
            // a statement nobody voted on has no mean; zero keeps its column out of the components
            mean[j] = count[j] == 0 ? 0 : sum[j] / count[j];
        }
        return mean;
    }

    private static double[][] topTwoEigenvectors(double[] covariance, int m) {
        double[][] result = {new double[m], new double[m]};
        if (m == 0) {
            return result;
        }
        SimpleEVD<SimpleMatrix> evd = new SimpleMatrix(m, m, true, covariance).eig();
        int best = -1;
        int next = -1;
        for (int i = 0; i < evd.getNumberOfEigenvalues(); i++) {
            if (evd.getEigenVector(i) == null) {
                continue;
            }
            double value = evd.getEigenvalue(i).getReal();
            if (best < 0 || value > evd.getEigenvalue(best).getReal()) {
                next = best;
                best = i;
            } else if (next < 0 || value > evd.getEigenvalue(next).getReal()) {
                next = i;
            }
        }
        if (best >= 0) {
            result[0] = oriented(evd.getEigenVector(best), m);
        }
        if (next >= 0) {
            result[1] = oriented(evd.getEigenVector(next), m);
        }
        return result;
    }

    /** An eigenvector's sign is arbitrary; fixing it (largest entry positive) keeps maps from flipping between runs. */
    private static double[] oriented(SimpleMatrix vector, int m) {
        double[] v = new double[m];
        int largest = 0;
        for (int j = 0; j < m; j++) {
            v[j] = vector.get(j);
            if (Math.abs(v[j]) > Math.abs(v[largest]) + 1e-12) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < m; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    /**
     * Positions of every participant: the sum over the statements they voted on of (vote − statement centre) ×
     * component, scaled by √(statements / statements voted on) so that someone who saw few statements is not pulled
     * to the middle merely for lack of votes. A rejected statement's column is 0 for everyone, so it counts as voted
     * on by all (it adds nothing to the sum); on the Pol.is data this reading agrees better with the recorded groups
     * than counting only the votes cast on it.
     *
     * @return {x, y} arrays indexed by participant
     */
    double[][] project(Conversation conversation, double[] matrixValue) {
        int n = conversation.participantCount();
        int m = conversation.statementCount();
        boolean[] rejected = new boolean[m];
        int rejectedCount = 0;
        for (int j = 0; j < m; j++) {
            rejected[j] = !conversation.statement(j).shapesTheMap(); // meta statements are treated alike
            rejectedCount += rejected[j] ? 1 : 0;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int p = 0; p < n; p++) {
            int voted = rejectedCount;
            double sx = 0;
            double sy = 0;
            for (int e = conversation.rowStart(p); e < conversation.rowEnd(p); e++) {
                int j = conversation.column(e);
                if (rejected[j]) {
                    continue;
                }
                voted++;
                double centred = matrixValue[e] - centre[j];
                sx += centred * first[j];
                sy += centred * second[j];
            }
            if (voted == 0) {
                continue;
            }
            double scale = Math.sqrt((double) m / voted);
            x[p] = sx * scale;
            y[p] = sy * scale;
        }
        return new double[][] {x, y};
    }
}
