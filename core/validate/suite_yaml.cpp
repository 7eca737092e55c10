#include "validate/suite_yaml.h"

#include "common/atomic_file.h"

#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

namespace assay::validate {

namespace {

class SuiteParser {
public:
    explicit SuiteParser(std::string_view displayName) : m_name(displayName) {}

    Error error(const YAML::Node &node, const std::string &key, const std::string &message) const
    {
        const YAML::Mark mark = node.Mark();
        std::string where = m_name;
        if (!mark.is_null())
            where += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
        return Error::invalidInput(where + ": " + (key.empty() ? "" : key + ": ") + message);
    }

    Result<DataSuite> suite(const YAML::Node &root) const
    {
        if (!root.IsMap() || !root["tests"])
            return error(root, {}, "expected a map with a 'tests' list");
        for (const auto &entry : root) {
            if (entry.first.as<std::string>() != "tests")
                return error(entry.first, entry.first.as<std::string>(),
                             "unknown key (expected 'tests')");
        }
        const YAML::Node tests = root["tests"];
        if (!tests.IsSequence())
            return error(tests, "tests", "expected a list of tests");
        DataSuite suite;
        for (std::size_t i = 0; i < tests.size(); ++i)
            ASSAY_TRY(this->entry(tests[i], "tests[" + std::to_string(i) + "]", suite));
        return suite;
    }

private:
    Status entry(const YAML::Node &node, const std::string &key, DataSuite &suite) const
    {
        if (!node.IsMap())
            return error(node, key, "expected a map such as {column: age, not_null: true}");
        std::string column, name;
        if (const YAML::Node value = node["column"]) {
            if (!value.IsScalar() || value.Scalar().empty())
                return error(value, key + ".column", "expected a column name");
            column = value.Scalar();
        }
        if (const YAML::Node value = node["name"]) {
            if (!value.IsScalar())
                return error(value, key + ".name", "expected text");
            name = value.Scalar();
        }
        std::size_t checks = 0;
        for (const auto &item : node) {
            const std::string itemKey = item.first.Scalar();
            if (itemKey == "column" || itemKey == "name")
                continue;
            const auto kind = checkFromName(itemKey);
            if (!kind)
                return error(item.first, key + "." + itemKey,
                             "unknown check (expected not_null, unique, between, in_set, regex, "
                             "mean_between, std_between or row_count_between)");
            ++checks;
            if (*kind != CheckKind::RowCountBetween && column.empty())
                return error(item.first, key + "." + itemKey, "this check needs a 'column'");
            DataTest test;
            test.column = *kind == CheckKind::RowCountBetween ? std::string() : column;
            test.check = *kind;
            auto keep = this->check(item.second, key + "." + itemKey, test);
            if (!keep)
                return keep.error();
            if (!*keep)
                continue;
            test.name = !name.empty()         ? name
                        : test.column.empty() ? std::string(checkName(*kind))
                                              : test.column + " " + std::string(checkName(*kind));
            suite.tests.push_back(std::move(test));
        }
        if (checks == 0)
            return error(node, key,
                         "no check (expected not_null, unique, between, in_set, regex, "
                         "mean_between, std_between or row_count_between)");
        return {};
    }

    // False when the check is switched off (`unique: false`).
    Result<bool> check(const YAML::Node &value, const std::string &key, DataTest &test) const
    {
        switch (test.check) {
        case CheckKind::NotNull:
        case CheckKind::Unique: {
            bool on = false;
            if (!value.IsScalar() || !YAML::convert<bool>::decode(value, on))
                return error(value, key, "expected true or false");
            return on;
        }
        case CheckKind::Between:
        case CheckKind::MeanBetween:
        case CheckKind::StdBetween:
        case CheckKind::RowCountBetween:
            ASSAY_TRY(bounds(value, key, test.bounds));
            return true;
        case CheckKind::InSet:
            if (!value.IsSequence() || value.size() == 0)
                return error(value, key, "expected a non-empty list of values");
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (!value[i].IsScalar())
                    return error(value[i], key + "[" + std::to_string(i) + "]", "expected a value");
                test.values.push_back(value[i].Scalar());
            }
            return true;
        case CheckKind::Regex: {
            if (!value.IsScalar())
                return error(value, key, "expected a pattern");
            const QRegularExpression regex(QString::fromStdString(value.Scalar()));
            if (!regex.isValid())
                return error(value, key,
                             "invalid pattern: " + regex.errorString().toStdString() +
                                 " at offset " + std::to_string(regex.patternErrorOffset()));
            test.pattern = value.Scalar();
            return true;
        }
        }
        return false;
    }

    Status bounds(const YAML::Node &value, const std::string &key, Bounds &bounds) const
    {
        if (!value.IsMap())
            return error(value, key, "expected {min: X, max: Y} (either may be left out)");
        for (const auto &item : value) {
            const std::string side = item.first.Scalar();
            if (side != "min" && side != "max")
                return error(item.first, key + "." + side, "unknown key (expected min or max)");
            if (item.second.IsNull())
                continue;
            double number = 0;
            if (!item.second.IsScalar() || !YAML::convert<double>::decode(item.second, number))
                return error(item.second, key + "." + side,
                             "expected a number, got '" +
                                 (item.second.IsScalar() ? item.second.Scalar() : "a list or map") +
                                 "'");
            (side == "min" ? bounds.min : bounds.max) = number;
        }
        if (!bounds.min && !bounds.max)
            return error(value, key, "expected min, max or both");
        if (bounds.min && bounds.max && *bounds.min > *bounds.max)
            return error(value, key, "min is above max");
        return {};
    }

    std::string m_name;
};

} // namespace

Result<DataSuite> parseSuite(std::string_view yaml, std::string_view displayName)
{
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::ParserException &e) {
        return Error::invalidInput(std::string(displayName) + ":" +
                                   std::to_string(e.mark.line + 1) + ":" +
                                   std::to_string(e.mark.column + 1) + ": " + e.msg);
    }
    try {
        return SuiteParser(displayName).suite(root);
    } catch (const YAML::Exception &e) {
        return Error::invalidInput(std::string(displayName) + ":" +
                                   std::to_string(e.mark.line + 1) + ":" +
                                   std::to_string(e.mark.column + 1) + ": " + e.msg);
    }
}

Result<DataSuite> loadSuite(const std::filesystem::path &path)
{
    auto bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    return parseSuite(*bytes, path.string());
}

} // namespace assay::validate
