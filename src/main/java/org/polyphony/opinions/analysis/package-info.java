/**
 * The method of opinion mapping, standing alone: the vote matrix, principal components, base clusters and groups
 * (k-means, silhouette), representative statements, majority and group-informed consensus
 * ({@link org.polyphony.opinions.analysis.OpinionAnalysis}), replays of a conversation's history, and the Pol.is
 * open-data CSV ({@link org.polyphony.opinions.analysis.PolisCsv}). It uses the JDK and EJML only, nothing of Spring
 * and nothing else of the platform ({@code AnalysisPackageTest} checks it), so the command line needs nothing more.
 * Internal to the opinions module: other modules see the module's top-level types only.
 */
package org.polyphony.opinions.analysis;
