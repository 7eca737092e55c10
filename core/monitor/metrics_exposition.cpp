#include "monitor/metrics_exposition.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <optional>

namespace assay::monitor {

namespace {

// Prometheus parses sample values with Go's ParseFloat: the shortest round-trip form of a
// double is exact (whole numbers are written in full), infinities are spelled +Inf/-Inf, and NaN is never written (see below).
std::string formatNumber(double value)
{
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    char buffer[64];
    // Whole numbers such as timestamps read better in full than as 1.7e+09.
    if (std::abs(value) < 1e15 && value == std::trunc(value))
        return std::to_string(static_cast<long long>(value));
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, written.ptr);
}

bool tested(const FeatureWindowDrift &feature)
{
    return feature.test != drift::DriftTest::None;
}

// The drift score to publish; empty for an untested feature (or a NaN score).
std::optional<double> severity(const FeatureWindowDrift &feature)
{
    if (!tested(feature) || std::isnan(feature.score))
        return std::nullopt;
    return feature.score;
}

// The feature series a report contributes: the most drifted first (untested features after
// the tested ones), then by name, at most `cap` of them.
std::vector<const FeatureWindowDrift *> cappedFeatures(const WindowResult &window, std::size_t cap)
{
    std::vector<const FeatureWindowDrift *> features;
    features.reserve(window.features.size());
    for (const FeatureWindowDrift &feature : window.features)
        features.push_back(&feature);
    const auto rank = [](const FeatureWindowDrift *f) { return severity(*f).value_or(-HUGE_VAL); };
    std::stable_sort(features.begin(), features.end(), [&](const auto *a, const auto *b) {
        const double ra = rank(a);
        const double rb = rank(b);
        if (ra != rb)
            return ra > rb;
        return a->name < b->name;
    });
    if (features.size() > cap)
        features.resize(cap);
    return features;
}


// Collects one family's samples; a sample without a value (or a NaN) is dropped.
class SampleList {
public:
    void add(const std::string &labels, std::optional<double> value)
    {
        if (value && !std::isnan(*value))
            m_lines += m_name + '{' + labels + "} " + formatNumber(*value) + '\n';
    }
    void addCount(const std::string &labels, std::uint64_t count)
    {
        m_lines += m_name + '{' + labels + "} " + std::to_string(count) + '\n';
    }

    explicit SampleList(std::string name) : m_name(std::move(name)) {}
    const std::string &lines() const { return m_lines; }

private:
    std::string m_name;
    std::string m_lines;
};

struct ReportView {
    const MonitorReport *report;
    std::string modelLabel; // model="…", escaped
    std::vector<const FeatureWindowDrift *> features;
};

struct Family {
    std::string name;
    std::string type;
    std::string help;
    std::function<void(const ReportView &, SampleList &)> samples;
};

std::optional<double> performance(const std::optional<BinaryPerformance> &performance,
                                   std::optional<double> BinaryPerformance::*metric)
{
    return performance ? (*performance).*metric : std::nullopt;
}

std::string featureLabels(const ReportView &view, const FeatureWindowDrift &feature)
{
    return view.modelLabel + ",feature=\"" + escapeLabelValue(feature.name) + '"';
}

std::vector<Family> windowFamilies()
{
    std::vector<Family> families{
        {"assay_prediction_rows_total", "counter", "Prediction rows logged for the model.",
         [](const ReportView &v, SampleList &s) { s.addCount(v.modelLabel, v.report->totalRows); }},
        {"assay_labels_total", "counter", "True labels logged for the model's predictions.",
         [](const ReportView &v, SampleList &s) { s.addCount(v.modelLabel, v.report->labels); }},
        {"assay_window_rows", "gauge", "Prediction rows in the latest window.",
         [](const ReportView &v, SampleList &s) {
             if (const WindowResult *w = v.report->latest())
                 s.addCount(v.modelLabel, w->rows);
         }},
        {"assay_window_start_timestamp_seconds", "gauge",
         "Start of the latest window, in seconds since the Unix epoch.",
         [](const ReportView &v, SampleList &s) {
             if (const WindowResult *w = v.report->latest())
                 s.add(v.modelLabel, static_cast<double>(w->startNs) / 1e9);
         }},
        {"assay_feature_drift_score", "gauge",
         "Drift severity of a feature in the latest window against the reference (1 or more: drifted).",
         [](const ReportView &v, SampleList &s) {
             for (const FeatureWindowDrift *f : v.features)
                 s.add(featureLabels(v, *f), severity(*f));
         }},
        {"assay_feature_drifted", "gauge", "1 when the feature drifted in the latest window, else 0.",
         [](const ReportView &v, SampleList &s) {
             for (const FeatureWindowDrift *f : v.features)
                 if (tested(*f))
                     s.add(featureLabels(v, *f), f->drifted ? 1.0 : 0.0);
         }},
        {"assay_feature_missing_share", "gauge", "Share of rows missing the feature in the latest window (ratio).",
         [](const ReportView &v, SampleList &s) {
             for (const FeatureWindowDrift *f : v.features)
                 s.add(featureLabels(v, *f), f->missingShare);
         }},
        {"assay_prediction_drift_score", "gauge",
         "Drift severity of the model's score in the latest window (1 or more: drifted).",
         [](const ReportView &v, SampleList &s) {
             const WindowResult *w = v.report->latest();
             if (w && w->prediction)
                 s.add(v.modelLabel, severity(*w->prediction));
         }},
        {"assay_dataset_drift_share", "gauge", "Share of the tested features that drifted in the latest window (ratio).",
         [](const ReportView &v, SampleList &s) {
             const WindowResult *w = v.report->latest();
             if (w && w->testedFeatures > 0)
                 s.add(v.modelLabel, w->driftShare);
         }},
        {"assay_reconstruction_error", "gauge",
         "Mean PCA reconstruction error of the latest window's rows (multivariate drift).",
         [](const ReportView &v, SampleList &s) {
             if (const WindowResult *w = v.report->latest())
                 s.add(v.modelLabel, w->reconstructionError);
         }},
    };

    struct Metric {
        const char *suffix;
        const char *what;
        std::optional<double> BinaryPerformance::*member;
    };
    static constexpr Metric kMetrics[] = {
        {"accuracy", "accuracy", &BinaryPerformance::accuracy},
        {"precision", "precision", &BinaryPerformance::precision},
        {"recall", "recall", &BinaryPerformance::recall},
        {"f1", "F1 score", &BinaryPerformance::f1},
        {"roc_auc", "ROC AUC", &BinaryPerformance::rocAuc},
    };
    for (const bool estimated : {true, false})
        for (const Metric &metric : kMetrics) {
            const std::string kind = estimated ? "estimated" : "realized";
            const std::string source = estimated ? "Estimated (label-free, from calibrated scores) "
                                                 : "Realized (from the labels that arrived) ";
            families.push_back({"assay_" + kind + '_' + metric.suffix, "gauge",
                                source + metric.what + " of the latest window (ratio).",
                                [estimated, member = metric.member](const ReportView &v, SampleList &s) {
                                    if (const WindowResult *w = v.report->latest())
                                        s.add(v.modelLabel,
                                              performance(estimated ? w->estimated : w->realized, member));
                                }});
        }

    families.push_back({"assay_alerts_active", "gauge", "Alerts raised on the latest window.",
                        [](const ReportView &v, SampleList &s) {
                            if (const WindowResult *w = v.report->latest())
                                s.addCount(v.modelLabel, w->alerts.size());
                        }});
    families.push_back({"assay_monitor_last_evaluation_timestamp_seconds", "gauge",
                        "When the monitor's report was computed, in seconds since the Unix epoch.",
                        [](const ReportView &v, SampleList &s) {
                            if (v.report->computedMs > 0)
                                s.add(v.modelLabel, static_cast<double>(v.report->computedMs) / 1e3);
                        }});
    return families;
}

std::string modelLabel(const std::string &monitor)
{
    return "model=\"" + escapeLabelValue(monitor) + '"';
}

void writeFamilyHeader(std::string &out, const std::string &name, const std::string &type,
                       const std::string &help)
{
    out += "# HELP " + name + ' ' + help + '\n';
    out += "# TYPE " + name + ' ' + type + '\n';
}

} // namespace

std::string escapeLabelValue(const std::string &value)
{
    std::string escaped;
    escaped.reserve(value.size());
    for (const char c : value) {
        switch (c) {
        case '\\': escaped += "\\\\"; break;
        case '"': escaped += "\\\""; break;
        case '\n': escaped += "\\n"; break;
        default: escaped += c;
        }
    }
    return escaped;
}

std::string prometheusExposition(const std::vector<MonitorReport> &reports, const ExpositionOptions &options)
{
    std::vector<ReportView> views;
    views.reserve(reports.size());
    for (const MonitorReport &report : reports) {
        ReportView view{.report = &report, .modelLabel = modelLabel(report.monitor), .features = {}};
        if (const WindowResult *latest = report.latest())
            view.features = cappedFeatures(*latest, options.maxFeatureLabels);
        views.push_back(std::move(view));
    }

    std::string out;
    // Up first: a scrape whose every monitor failed still says so.
    {
        SampleList up("assay_monitor_up");
        for (const ReportView &view : views)
            up.add(view.modelLabel, 1.0);
        for (const std::string &failed : options.failedMonitors)
            up.add(modelLabel(failed), 0.0);
        if (!up.lines().empty()) {
            writeFamilyHeader(out, "assay_monitor_up", "gauge",
                              "1 when the monitor was evaluated for this scrape, 0 when its evaluation failed.");
            out += up.lines();
        }
    }
    for (const Family &family : windowFamilies()) {
        SampleList samples(family.name);
        for (const ReportView &view : views)
            family.samples(view, samples);
        if (samples.lines().empty())
            continue;
        writeFamilyHeader(out, family.name, family.type, family.help);
        out += samples.lines();
    }
    return out;
}

} // namespace assay::monitor
