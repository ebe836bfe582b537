/**
 * Everything one frame of the decision-boundary map shows; the map derives nothing else. Its own
 * file because the map and its point layer both read it.
 */
export interface BoundaryFrame {
  /** CSS px of the square. */
  size: number;
  /** Data coordinates shown: [−extent, extent]². */
  extent: number;
  /**
   * gridSize² probabilities of the minority class, row-major from the top row (y = +extent); null
   * before the first prediction. Sampled at nodes with the edges included, as the trainer does:
   * column c is at x = −extent + c·2·extent/(gridSize − 1) (see `gridNodeCoordinate`).
   */
  grid: Float32Array | null;
  gridSize: number;
  /** Decision threshold in (0, 1). */
  threshold: number;
  /** coords x0, y0, x1, y1, …; weights ∈ [0, 1] = each point's share of the loss (null: all full). */
  train: { coords: Float32Array; labels: Uint8Array; weights: Float32Array | null };
  /** Drawn hollow when present. */
  test: { coords: Float32Array; labels: Uint8Array } | null;
  showContours: boolean;
}
