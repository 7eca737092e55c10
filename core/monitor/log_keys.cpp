#include "monitor/log_keys.h"

namespace assay::monitor {

namespace {

// Switching on the length first keeps the common case (a feature name) to one or two
// comparisons: this runs for every member of every line.
KeyRole classifyKnown(std::string_view key)
{
    switch (key.size()) {
    case 2:
        if (key == "ts")
            return KeyRole::Timestamp;
        if (key == "id")
            return KeyRole::Id;
        break;
    case 3:
        if (key == "tag")
            return KeyRole::Meta;
        break;
    case 4:
        if (key == "time" || key == "date")
            return KeyRole::Timestamp;
        if (key == "uuid")
            return KeyRole::Id;
        if (key == "data")
            return KeyRole::Shape;
        break;
    case 5:
        if (key == "score" || key == "proba")
            return KeyRole::Score;
        if (key == "label")
            return KeyRole::Label;
        if (key == "input")
            return KeyRole::Shape;
        if (key == "model")
            return KeyRole::Meta;
        break;
    case 6:
        if (key == "output")
            return KeyRole::Prediction;
        if (key == "target" || key == "actual" || key == "y_true")
            return KeyRole::Label;
        if (key == "inputs")
            return KeyRole::Shape;
        break;
    case 7:
        if (key == "outputs")
            return KeyRole::Prediction;
        if (key == "request" || key == "columns")
            return KeyRole::Shape;
        break;
    case 8:
        if (key == "event_id")
            return KeyRole::Id;
        if (key == "response" || key == "features")
            return KeyRole::Shape;
        break;
    case 9:
        if (key == "timestamp")
            return KeyRole::Timestamp;
        if (key == "requestId")
            return KeyRole::Id;
        if (key == "instances")
            return KeyRole::Shape;
        if (key == "modelName")
            return KeyRole::Meta;
        break;
    case 10:
        if (key == "@timestamp")
            return KeyRole::Timestamp;
        if (key == "request_id")
            return KeyRole::Id;
        if (key == "prediction")
            return KeyRole::Prediction;
        if (key == "model_name" || key == "parameters")
            return KeyRole::Meta;
        break;
    case 11:
        if (key == "predictions")
            return KeyRole::Prediction;
        if (key == "probability")
            return KeyRole::Score;
        break;
    case 12:
        if (key == "ground_truth")
            return KeyRole::Label;
        if (key == "modelVersion")
            return KeyRole::Meta;
        break;
    case 13:
        if (key == "prediction_id")
            return KeyRole::Id;
        if (key == "probabilities")
            return KeyRole::Score;
        if (key == "model_version")
            return KeyRole::Meta;
        break;
    case 15:
        if (key == "dataframe_split")
            return KeyRole::Shape;
        break;
    case 17:
        if (key == "dataframe_records")
            return KeyRole::Shape;
        break;
    default:
        break;
    }
    return KeyRole::Feature;
}

} // namespace

KeyRole classifyKey(std::string_view key, const std::string &targetColumn)
{
    const KeyRole role = classifyKnown(key);
    if (role == KeyRole::Feature && !targetColumn.empty() && key == targetColumn)
        return KeyRole::Label;
    return role;
}

} // namespace assay::monitor
