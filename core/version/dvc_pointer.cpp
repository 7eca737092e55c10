#include "version/dvc_pointer.h"

#include <yaml-cpp/yaml.h>

namespace assay::version {

namespace {

// Plain YAML scalars DVC's dumper leaves unquoted; anything else is single-quoted.
std::string yamlScalar(const std::string &text)
{
    const bool plain = !text.empty() && text.find_first_not_of(
                                            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                            "0123456789._/-") == std::string::npos &&
                       text.front() != '-' && text.front() != '.';
    if (plain)
        return text;
    std::string quoted = "'";
    for (char c : text) {
        quoted += c;
        if (c == '\'')
            quoted += '\'';
    }
    return quoted + "'";
}

} // namespace

std::string serializeDvcFile(const DvcOutput &output)
{
    std::string text = "outs:\n- md5: " + output.md5 + "\n  size: " + std::to_string(output.size) +
                       "\n";
    if (output.nfiles)
        text += "  nfiles: " + std::to_string(*output.nfiles) + "\n";
    if (output.isExecutable)
        text += "  isexec: true\n";
    if (output.hashName == "md5")
        text += "  hash: md5\n";
    text += "  path: " + yamlScalar(output.path) + "\n";
    return text;
}

namespace {

Result<DvcOutput> outputFromYaml(const YAML::Node &root, const std::string &name)
{
    try {
        if (!root.IsMap())
            return Error::invalidInput(name + ": not a DVC pointer (expected a mapping with 'outs')");
        const YAML::Node outs = root["outs"];
        if (!outs || !outs.IsSequence() || outs.size() == 0)
            return Error::invalidInput(name + ": key 'outs' is missing or empty");
        const YAML::Node out = outs[0];
        if (!out.IsMap())
            return Error::invalidInput(name + ": outs[0] is not a mapping");
        DvcOutput output;
        if (!out["md5"] || !out["path"])
            return Error::invalidInput(name + ": outs[0] needs keys 'md5' and 'path'");
        output.md5 = out["md5"].as<std::string>();
        output.path = out["path"].as<std::string>();
        if (out["size"])
            output.size = out["size"].as<std::uint64_t>();
        if (out["nfiles"])
            output.nfiles = out["nfiles"].as<std::uint64_t>();
        if (out["isexec"])
            output.isExecutable = out["isexec"].as<bool>();
        output.hashName = out["hash"] ? out["hash"].as<std::string>() : "md5-dos2unix";
        return output;
    } catch (const YAML::Exception &e) {
        return Error::invalidInput(name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
}

Error yamlSyntaxError(const std::string &name, const YAML::ParserException &e)
{
    return Error::invalidInput(name + ":" + std::to_string(e.mark.line + 1) + ":" +
                               std::to_string(e.mark.column + 1) + ": " + e.msg);
}

} // namespace

Result<DvcOutput> readDvcFile(const std::filesystem::path &pointerFile)
{
    const std::string name = pointerFile.string();
    YAML::Node root;
    try {
        root = YAML::LoadFile(name);
    } catch (const YAML::ParserException &e) {
        return yamlSyntaxError(name, e);
    } catch (const YAML::BadFile &) {
        return Error::notFound(name + ": cannot open");
    }
    return outputFromYaml(root, name);
}

Result<DvcOutput> parseDvcText(const std::string &text, const std::string &displayName)
{
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::ParserException &e) {
        return yamlSyntaxError(displayName, e);
    }
    return outputFromYaml(root, displayName);
}

} // namespace assay::version
