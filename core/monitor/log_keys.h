#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace assay::monitor {

// What a member name means in a logged record (see log_parser.h for the spellings).
enum class KeyRole : std::uint8_t {
    Feature,
    Timestamp,
    Id,
    Prediction, // "prediction(s)", "output(s)": a number, a class or probabilities
    Score,      // "score", "probability", "proba", "probabilities": always probabilities
    Label,
    Shape,      // request/response/inputs/instances/...: a container holding other parts
    Meta,       // the model's name or version, a tag: never a feature
};

// `targetColumn` is the model's target, read as a label key as well.
KeyRole classifyKey(std::string_view key, const std::string &targetColumn);

} // namespace assay::monitor
