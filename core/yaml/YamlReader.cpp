// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/yaml/YamlReader.h"

#include "core/value/PyJson.h"
#include "core/value/Utf8.h"

#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <regex>
#include <sstream>
#include <unordered_map>

namespace fondant {

namespace {

constexpr std::size_t longestNumberText = 256;

SourceMark toSourceMark(const YAML::Mark &mark)
{
    if (mark.line < 0 || mark.column < 0)
        return {};
    return SourceMark {mark.line + 1, mark.column + 1};
}

// ---- scalar resolution --------------------------------------------------------------------

struct ScalarPatterns
{
    std::regex pyBool {
        "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"};
    std::regex pyFloat {"[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                        "|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                        "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                        "|[-+]?\\.(?:inf|Inf|INF)"
                        "|\\.(?:nan|NaN|NAN)"};
    std::regex pyInt {"[-+]?0b[0-1_]+"
                      "|[-+]?0[0-7_]+"
                      "|[-+]?(?:0|[1-9][0-9_]*)"
                      "|[-+]?0x[0-9a-fA-F_]+"
                      "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"};
    std::regex pyTimestamp {"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                            "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                            "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                            "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"};
    std::regex coreBool {"true|True|TRUE|false|False|FALSE"};
    std::regex coreInt {"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"};
    std::regex coreFloat {"[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                          "|[-+]?\\.(?:inf|Inf|INF)"
                          "|\\.(?:nan|NaN|NAN)"};
};

const ScalarPatterns &patterns()
{
    static const ScalarPatterns instance;
    return instance;
}

bool isNullWord(const std::string &text)
{
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::string withoutUnderscores(std::string_view text)
{
    std::string out;
    for (char c : text)
        if (c != '_')
            out += c;
    return out;
}

// Splits an optional sign off the text; returns -1 or +1.
int takeSign(std::string &text)
{
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        const int sign = text.front() == '-' ? -1 : 1;
        text.erase(0, 1);
        return sign;
    }
    return 1;
}

std::optional<std::int64_t> parseUnsigned(std::string_view digits, int base)
{
    std::uint64_t value = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (result.ec != std::errc() || result.ptr != digits.data() + digits.size())
        return std::nullopt;
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return std::nullopt;
    return static_cast<std::int64_t>(value);
}

std::optional<double> parseDouble(const std::string &text)
{
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ptr != text.data() + text.size())
        return std::nullopt;
    if (result.ec == std::errc::result_out_of_range) {
        // Python gives inf for overflow and 0.0 (signed) for underflow.
        const bool negative = !text.empty() && text.front() == '-';
        const bool tiny = text.find_first_of("123456789") == std::string::npos
            || text.find("e-") != std::string::npos || text.find("E-") != std::string::npos;
        if (tiny)
            return negative ? -0.0 : 0.0;
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
    }
    if (result.ec != std::errc())
        return std::nullopt;
    return value;
}

std::vector<std::string> splitColons(const std::string &text)
{
    std::vector<std::string> parts;
    std::stringstream stream(text);
    std::string part;
    while (std::getline(stream, part, ':'))
        parts.push_back(part);
    return parts;
}

Result<Value> intOutOfRange(const std::string &text)
{
    return Diagnostic::error({}, {}, "the integer " + text + " does not fit in 64 bits");
}

Result<Value> constructPyInt(const std::string &original)
{
    std::string text = withoutUnderscores(original);
    const int sign = takeSign(text);
    std::optional<std::int64_t> magnitude;
    if (text == "0") {
        magnitude = 0;
    } else if (text.starts_with("0b")) {
        magnitude = parseUnsigned(std::string_view(text).substr(2), 2);
    } else if (text.starts_with("0x")) {
        magnitude = parseUnsigned(std::string_view(text).substr(2), 16);
    } else if (text.front() == '0') {
        magnitude = parseUnsigned(text, 8);
    } else if (text.find(':') != std::string::npos) {
        std::int64_t total = 0;
        for (const std::string &part : splitColons(text)) {
            const auto digit = parseUnsigned(part, 10);
            if (!digit || total > (std::numeric_limits<std::int64_t>::max() - *digit) / 60)
                return intOutOfRange(original);
            total = total * 60 + *digit;
        }
        magnitude = total;
    } else {
        magnitude = parseUnsigned(text, 10);
    }
    if (!magnitude)
        return intOutOfRange(original);
    return Value(sign * *magnitude);
}

Result<Value> constructPyFloat(const std::string &original)
{
    std::string text = withoutUnderscores(original);
    for (char &c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const double sign = takeSign(text) < 0 ? -1.0 : 1.0;
    if (text == ".inf")
        return Value(sign * std::numeric_limits<double>::infinity());
    if (text == ".nan")
        return Value(std::numeric_limits<double>::quiet_NaN());
    if (text.find(':') != std::string::npos) {
        double total = 0;
        for (const std::string &part : splitColons(text))
            total = total * 60 + parseDouble(part).value_or(0.0);
        return Value(sign * total);
    }
    const auto value = parseDouble(text);
    if (!value)
        return Diagnostic::error({}, {}, "cannot read " + original + " as a float");
    return Value(sign * *value);
}

Result<Value> constructCoreInt(const std::string &original)
{
    std::string text = original;
    if (text.starts_with("0o") || text.starts_with("0x")) {
        const auto value = parseUnsigned(std::string_view(text).substr(2), text[1] == 'o' ? 8 : 16);
        if (!value)
            return intOutOfRange(original);
        return Value(*value);
    }
    const int sign = takeSign(text);
    const auto value = parseUnsigned(text, 10);
    if (!value)
        return intOutOfRange(original);
    return Value(sign * *value);
}

Result<Value> constructCoreFloat(const std::string &original)
{
    std::string text = original;
    const double sign = takeSign(text) < 0 ? -1.0 : 1.0;
    if (text == ".inf" || text == ".Inf" || text == ".INF")
        return Value(sign * std::numeric_limits<double>::infinity());
    if (text == ".nan" || text == ".NaN" || text == ".NAN")
        return Value(std::numeric_limits<double>::quiet_NaN());
    const auto value = parseDouble(text);
    if (!value)
        return Diagnostic::error({}, {}, "cannot read " + original + " as a float");
    return Value(sign * *value);
}

// ---- event handler building the tree ------------------------------------------------------

struct ParseAbort
{
    Diagnostic diagnostic;
};

class TreeBuilder : public YAML::EventHandler
{
public:
    TreeBuilder(std::string fileName, ScalarRules rules, const YamlLimits &limits)
        : m_fileName(std::move(fileName)), m_rules(rules), m_limits(limits)
    { }

    Value takeRoot() { return std::move(m_root); }
    const Diagnostics &warnings() const { return m_warnings; }

    void OnDocumentStart(const YAML::Mark &) override { }
    void OnDocumentEnd() override { }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        Value value;
        value.setMark(toSourceMark(mark));
        addNode(std::move(value), anchor, mark, true, "");
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            fail(mark, "unknown alias");
        m_nodeCount += it->second.nodeCount;
        checkNodeBudget(mark);
        Value copy = it->second.value;
        addNode(std::move(copy), 0, mark, false, "");
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
        const std::string &text) override
    {
        Value value = scalarValue(mark, tag, text);
        value.setMark(toSourceMark(mark));
        addNode(std::move(value), anchor, mark, tag == "?", text);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
        YAML::EmitterStyle::value) override
    {
        openContainer(mark, Value::array(), anchor);
    }

    void OnSequenceEnd() override { closeContainer(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
        YAML::EmitterStyle::value) override
    {
        openContainer(mark, Value::object(), anchor);
    }

    void OnMapEnd() override { closeContainer(); }

private:
    struct Frame
    {
        Value value;
        YAML::anchor_t anchor = 0;
        std::size_t firstNode = 0;
        bool haveKey = false;
        bool keyIsMerge = false;
        std::string key;
        SourceMark keyMark;
        Value::Object merged; // members brought in by "<<" merge keys
    };

    struct Anchored
    {
        Value value;
        std::size_t nodeCount = 0;
    };

    [[noreturn]] void fail(const YAML::Mark &mark, const std::string &message)
    {
        throw ParseAbort {Diagnostic::error(m_fileName, toSourceMark(mark), message)};
    }

    void checkNodeBudget(const YAML::Mark &mark)
    {
        if (m_nodeCount > m_limits.maxNodes)
            fail(mark,
                "the document expands to more than " + std::to_string(m_limits.maxNodes)
                    + " values (too many aliases?)");
    }

    Value scalarValue(const YAML::Mark &mark, const std::string &tag, const std::string &text)
    {
        if (tag == "!" || tag == "tag:yaml.org,2002:str")
            return Value(text);
        if (tag != "?") {
            Result<Value> resolved = YamlReader::resolvePlainScalar(text, m_rules);
            const char *wanted = nullptr;
            if (tag == "tag:yaml.org,2002:int")
                wanted = "int";
            else if (tag == "tag:yaml.org,2002:float")
                wanted = "float";
            else if (tag == "tag:yaml.org,2002:bool")
                wanted = "bool";
            else if (tag == "tag:yaml.org,2002:null")
                wanted = "NoneType";
            if (!wanted)
                fail(mark, "unsupported YAML tag '" + tag + "'");
            if (!resolved.ok() || std::string(resolved.value().pythonTypeName()) != wanted) {
                if (std::string(wanted) == "float" && resolved.ok() && resolved.value().isInt())
                    return Value(static_cast<double>(resolved.value().toInt()));
                fail(mark, "'" + text + "' is not a valid " + wanted);
            }
            return std::move(resolved).value();
        }
        if (text.size() > longestNumberText)
            return Value(text);
        Result<Value> resolved = YamlReader::resolvePlainScalar(text, m_rules);
        if (!resolved.ok())
            fail(mark, resolved.errorMessage());
        return std::move(resolved).value();
    }

    std::string keyText(const Value &key, const YAML::Mark &mark)
    {
        // Python's json.dumps turns non-string dict keys into text this way.
        switch (key.kind()) {
        case Value::Kind::String:
            return key.toString();
        case Value::Kind::Null:
            return "null";
        case Value::Kind::Bool:
            return key.toBool() ? "true" : "false";
        case Value::Kind::Int:
            return std::to_string(key.toInt());
        case Value::Kind::Float:
            return PyJson::floatRepr(key.toDouble());
        default:
            fail(mark, "a mapping key must be a single value, not a list or a mapping");
        }
    }

    void addNode(Value value, YAML::anchor_t anchor, const YAML::Mark &mark, bool plain,
        const std::string &rawText)
    {
        ++m_nodeCount;
        checkNodeBudget(mark);
        if (anchor != 0)
            m_anchors[anchor] = Anchored {value, 1};
        attach(std::move(value), mark, plain && rawText == "<<");
    }

    void attach(Value value, const YAML::Mark &mark, bool isMergeKey)
    {
        if (m_stack.empty()) {
            if (m_haveRoot)
                fail(mark, "expected a single document");
            m_root = std::move(value);
            m_haveRoot = true;
            return;
        }
        Frame &frame = m_stack.back();
        if (frame.value.isArray()) {
            frame.value.append(std::move(value));
            return;
        }
        if (!frame.haveKey) {
            frame.haveKey = true;
            frame.keyIsMerge = isMergeKey && m_rules == ScalarRules::PyYaml11;
            frame.key = keyText(value, mark);
            frame.keyMark = toSourceMark(mark);
            return;
        }
        frame.haveKey = false;
        if (frame.keyIsMerge) {
            mergeInto(frame, value, mark);
            return;
        }
        if (frame.value.contains(frame.key))
            m_warnings.push_back(Diagnostic::warning(m_fileName, frame.keyMark,
                "duplicate key '" + frame.key + "': the last value is used"));
        frame.value.set(frame.key, std::move(value), frame.keyMark);
    }

    void mergeInto(Frame &frame, const Value &value, const YAML::Mark &mark)
    {
        const auto mergeOne = [&](const Value &source) {
            if (!source.isObject())
                fail(mark, "a merge key '<<' needs a mapping or a list of mappings");
            for (const Member &member : source.members()) {
                const bool known = std::any_of(frame.merged.begin(), frame.merged.end(),
                    [&](const Member &m) { return m.key == member.key; });
                if (!known)
                    frame.merged.push_back(member);
            }
        };
        if (value.isArray()) {
            for (const Value &item : value.items())
                mergeOne(item);
        } else {
            mergeOne(value);
        }
    }

    void openContainer(const YAML::Mark &mark, Value container, YAML::anchor_t anchor)
    {
        if (static_cast<int>(m_stack.size()) >= m_limits.maxDepth)
            fail(mark,
                "the document nests deeper than " + std::to_string(m_limits.maxDepth) + " levels");
        if (!m_stack.empty() && m_stack.back().value.isObject() && !m_stack.back().haveKey)
            fail(mark, "a mapping key must be a single value, not a list or a mapping");
        ++m_nodeCount;
        checkNodeBudget(mark);
        container.setMark(toSourceMark(mark));
        m_stack.push_back(
            Frame {std::move(container), anchor, m_nodeCount, false, false, {}, {}, {}});
        m_containerMarks.push_back(mark);
    }

    void closeContainer()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        const YAML::Mark mark = m_containerMarks.back();
        m_containerMarks.pop_back();
        if (!frame.merged.empty()) {
            Value merged = Value::object();
            merged.setMark(frame.value.mark());
            for (Member &member : frame.merged)
                merged.set(member.key, std::move(member.value), member.keyMark);
            for (Member &member : frame.value.members())
                merged.set(member.key, std::move(member.value), member.keyMark);
            frame.value = std::move(merged);
        }
        if (frame.anchor != 0)
            m_anchors[frame.anchor] = Anchored {frame.value, m_nodeCount - frame.firstNode + 1};
        attach(std::move(frame.value), mark, false);
    }

    std::string m_fileName;
    ScalarRules m_rules;
    YamlLimits m_limits;
    std::vector<Frame> m_stack;
    std::vector<YAML::Mark> m_containerMarks;
    std::unordered_map<YAML::anchor_t, Anchored> m_anchors;
    std::size_t m_nodeCount = 0;
    Value m_root;
    bool m_haveRoot = false;
    Diagnostics m_warnings;
};

} // namespace

Result<Value> YamlReader::resolvePlainScalar(const std::string &text, ScalarRules rules)
{
    const ScalarPatterns &p = patterns();
    if (isNullWord(text))
        return Value();
    if (text.size() > longestNumberText)
        return Value(text);
    if (rules == ScalarRules::PyYaml11) {
        if (std::regex_match(text, p.pyBool)) {
            const char first = text.front();
            const bool truth = first == 'y' || first == 'Y' || first == 't' || first == 'T'
                || text == "on" || text == "On" || text == "ON";
            return Value(truth);
        }
        if (std::regex_match(text, p.pyFloat))
            return constructPyFloat(text);
        if (std::regex_match(text, p.pyInt))
            return constructPyInt(text);
        if (std::regex_match(text, p.pyTimestamp))
            return Diagnostic::error({}, {},
                "'" + text
                    + "' is read as a date, which Fondant cannot turn into JSON; "
                      "put it in quotes to keep it as text");
        return Value(text);
    }
    if (std::regex_match(text, p.coreBool))
        return Value(text.front() == 't' || text.front() == 'T');
    if (std::regex_match(text, p.coreInt))
        return constructCoreInt(text);
    if (std::regex_match(text, p.coreFloat))
        return constructCoreFloat(text);
    return Value(text);
}

Result<Value> YamlReader::parse(
    std::string_view text, const std::string &fileName, ScalarRules rules, const YamlLimits &limits)
{
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    if (const auto bad = utf8::firstInvalid(text))
        return Diagnostic::error(fileName, *bad, "the file is not valid UTF-8 text");
    if (text.find('\0') != std::string_view::npos)
        return Diagnostic::error(
            fileName, {}, "the file contains a NUL byte; it is not a YAML text file");

    std::istringstream stream {std::string(text)};
    TreeBuilder builder(fileName, rules, limits);
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(builder);
        if (parser.HandleNextDocument(builder))
            return Diagnostic::error(
                fileName, {}, "expected a single YAML document, found several");
    } catch (const ParseAbort &abort) {
        return abort.diagnostic;
    } catch (const YAML::DeepRecursion &error) {
        return Diagnostic::error(
            fileName, toSourceMark(error.mark), "the document nests too deeply to be read");
    } catch (const YAML::Exception &error) {
        return Diagnostic::error(
            fileName, toSourceMark(error.mark), "YAML syntax error: " + error.msg);
    } catch (const std::exception &error) {
        return Diagnostic::error(
            fileName, {}, std::string("cannot read the YAML text: ") + error.what());
    }
    return Result<Value>(builder.takeRoot(), builder.warnings());
}

Result<std::string> readTextFile(const QString &path, qint64 maxBytes)
{
    const std::string name = path.toStdString();
    const QFileInfo info(path);
    if (!info.exists())
        return Diagnostic::error(name, {}, "no such file");
    if (info.isDir())
        return Diagnostic::error(name, {}, "is a folder, not a file");
    if (info.size() > maxBytes)
        return Diagnostic::error(name, {},
            "the file is " + std::to_string(info.size()) + " bytes, more than the "
                + std::to_string(maxBytes) + " bytes this tool reads");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Diagnostic::error(
            name, {}, "cannot open the file: " + file.errorString().toStdString());
    const QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return Diagnostic::error(
            name, {}, "the file is larger than " + std::to_string(maxBytes) + " bytes");
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

Result<Value> YamlReader::readFile(const QString &path, ScalarRules rules, const YamlLimits &limits)
{
    Result<std::string> text = readTextFile(path, limits.maxFileBytes);
    if (!text.ok())
        return text.takeDiagnostics();
    return parse(text.value(), path.toStdString(), rules, limits);
}

} // namespace fondant
