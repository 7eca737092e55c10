#pragma once

#include "common/result.h"
#include "table/table.h"

#include <memory>
#include <string>
#include <vector>

namespace assay::monitor {

// Multivariate drift by PCA reconstruction error, fitted on the reference:
//   1. impute: numbers with the reference mean, categories (text, bool) with the reference's most
//      frequent value;
//   2. encode: a category becomes its share of the reference's rows (unseen values: 0);
//   3. standardise with the reference's mean and standard deviation (ddof 0; a constant column
//      gets scale 1);
//   4. PCA on the reference's covariance (ddof 1): keep the fewest leading components whose
//      explained variance share is strictly above `varianceShare` (0.65), as scikit-learn does
//      for PCA(n_components=0.65).
// A row's error is the Euclidean distance between its standardised vector and its projection
// back from the kept components; a window's error is the mean over its rows.
class ReconstructionModel {
public:
    // `columns` names the features to use (each must be in the reference). InvalidInput when
    // fewer than 2 usable columns or fewer than 2 rows.
    static Result<ReconstructionModel> fit(const table::Table &reference,
                                           const std::vector<std::string> &columns,
                                           double varianceShare = 0.65);

    // Per-row errors of a table holding the same columns (by name; a missing column is
    // imputed as wholly missing).
    std::vector<double> rowErrors(const table::Table &data) const;
    double meanError(const table::Table &data) const;

    const std::vector<std::string> &columns() const { return m_columns; }
    int keptComponents() const { return m_kept; }
    double explainedShare() const { return m_explainedShare; }

private:
    struct ColumnEncoding; // how one column becomes one standardised number
    struct ColumnSource;   // one column of a table being scored, with its encoding
    std::vector<ColumnSource> sourcesOf(const table::Table &data) const;

    // Matrices are column-major vectors: Eigen stays out of this header (core links it privately).
    std::vector<std::string> m_columns;
    std::vector<std::shared_ptr<const ColumnEncoding>> m_encodings;
    std::vector<double> m_components; // columns × kept, orthonormal
    std::vector<double> m_discarded;  // columns × (columns − kept): the rest of the basis
    int m_kept = 0;
    double m_explainedShare = 0;
};

} // namespace assay::monitor
