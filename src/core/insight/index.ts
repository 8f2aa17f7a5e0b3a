/** Insight: the model of feedback and excerpts, and the statistics of qualitative coding (agreement, TF-IDF, suggestions, candidate themes). */
export * from './model.ts'
export { cohensKappa, coderPairs, agreement, kappaStrength, type Coding, type Agreement, type ThemeAgreement, type KappaResult, type KappaOptions, type KappaStrength, type CoderPair } from './kappa.ts'
export { tokenise, stem, type TokeniseOptions } from './tokenise.ts'
export { STOP_WORDS } from './stop-words.ts'
export { fitTfidf, tfidfVector, cosine, smoothedIdf, type SparseVector, type TfidfModel, type TfidfOptions } from './tfidf.ts'
export { createThemeSuggester, suggestThemes, type Excerpt, type CodedExcerpt, type SuggestOptions, type Neighbour, type ThemeSuggestion, type ExcerptSuggestions, type ThemeSuggester } from './suggest.ts'
export { sphericalKMeans, meanSilhouette, type KMeansOptions, type KMeansResult } from './spherical-k-means.ts'
export { proposeThemes, type ClusterOptions, type CandidateTheme, type KeyTerm, type Quote, type ThemeProposal } from './cluster.ts'
