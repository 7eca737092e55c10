#pragma once

#include "explain/predictor.h"

#include <chrono>
#include <string>
#include <vector>

namespace assay::explain {

// A model Assay cannot load, run as an external program: `command` is run through /bin/sh
// once per batch; it reads CSV on stdin (a header line with the feature names, then one line per
// row, categories written as their labels, missing values as empty fields) and must print one
// line per row on stdout: one number, or one comma-separated number per class (the same count
// on every line). A program that fails, prints the wrong number of lines, a non-numeric value
// or ragged rows is an error naming the line and showing its stderr.
class ExternalPredictor final : public Predictor {
public:
    explicit ExternalPredictor(std::string command, std::size_t batchRows = 20000);

    std::vector<std::string> outputNames() const override;
    Result<Predictions> predict(const model::FeatureMatrix &x,
                                const Progress &progress = {}) override;

private:
    std::string m_command;
    std::size_t m_batchRows;
    std::size_t m_outputs = 0; // learned from the first batch
};

} // namespace assay::explain
