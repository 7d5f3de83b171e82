// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/yaml/YamlReader.h"

#include "core/value/PyJson.h"
#include "core/value/Utf8.h"

#include <QFile>
#include <QFileInfo>

#include <yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <vector>

namespace fondant {

namespace {

SourceMark toSourceMark(const yaml_mark_t &mark)
{
    return SourceMark {static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
}

std::string eventText(const yaml_char_t *text)
{
    return text ? std::string(reinterpret_cast<const char *>(text)) : std::string();
}

/// libyaml's parser for one text, released on scope exit.
class LibYamlParser
{
public:
    explicit LibYamlParser(std::string_view text)
    {
        m_ready = yaml_parser_initialize(&m_parser) != 0;
        if (m_ready)
            yaml_parser_set_input_string(
                &m_parser, reinterpret_cast<const unsigned char *>(text.data()), text.size());
    }
    ~LibYamlParser()
    {
        if (m_ready)
            yaml_parser_delete(&m_parser);
    }
    LibYamlParser(const LibYamlParser &) = delete;
    LibYamlParser &operator=(const LibYamlParser &) = delete;

    bool ready() const { return m_ready; }
    yaml_parser_t *get() { return &m_parser; }

private:
    yaml_parser_t m_parser {};
    bool m_ready = false;
};

/// One libyaml event, released on scope exit.
struct LibYamlEvent
{
    yaml_event_t event {};
    ~LibYamlEvent() { yaml_event_delete(&event); }
};

struct ParseAbort
{
    Diagnostic diagnostic;
};

/// A key as Python's dict sees it: 1, 1.0 and True are one key; "1" is another.
std::string keyIdentity(const Member &member)
{
    switch (member.keyKind) {
    case Value::Kind::String:
        return "s" + member.key;
    case Value::Kind::Null:
        return "z";
    case Value::Kind::Bool:
        return member.key == "true" ? "n1" : "n0";
    case Value::Kind::Float: {
        const double number = member.keyValue().toDouble();
        if (std::isfinite(number) && number == std::floor(number) && std::fabs(number) < 9.2e18)
            return "n" + std::to_string(static_cast<long long>(number));
        return "n" + member.key;
    }
    default:
        return "n" + member.key;
    }
}

/// A mapping under construction: members in Python dict order with a hash index of the keys.
class DictBuilder
{
public:
    /// Adds or replaces like Python's d[key] = value; returns the earlier key's member if any.
    const Member *set(Member member)
    {
        const std::string identity = keyIdentity(member);
        auto [it, inserted] = m_index.try_emplace(identity, m_members.size());
        if (inserted) {
            m_members.push_back(std::move(member));
            return nullptr;
        }
        m_members[it->second].value = std::move(member.value);
        return &m_members[it->second];
    }
    const Member *find(const Member &member) const
    {
        auto it = m_index.find(keyIdentity(member));
        return it == m_index.end() ? nullptr : &m_members[it->second];
    }
    Value::Object take() { return std::move(m_members); }

private:
    Value::Object m_members;
    std::unordered_map<std::string, std::size_t> m_index;
};

/// Builds the Value tree from libyaml's events as PyYAML's composer and constructor would.
class TreeBuilder
{
public:
    TreeBuilder(std::string fileName, ScalarRules rules, const YamlLimits &limits)
        : m_fileName(std::move(fileName)), m_rules(rules), m_limits(limits)
    { }

    Value takeRoot() { return std::move(m_root); }

    void onScalar(const yaml_event_t &event)
    {
        const auto &scalar = event.data.scalar;
        const std::string text(reinterpret_cast<const char *>(scalar.value), scalar.length);
        const std::string tag = eventText(scalar.tag);
        // PyYAML resolves a plain untagged scalar, and any scalar tagged "!", by its patterns.
        const bool resolve = tag.empty() ? scalar.plain_implicit != 0 : tag == "!";
        const bool isKey = expectingKey();
        Value value;
        if (resolve && isKey && m_rules == ScalarRules::PyYaml11 && (text == "<<" || text == "=")) {
            value = Value(text); // a merge key, or the "value" key PyYAML reads as text
        } else if (resolve) {
            value = located(ScalarResolver::resolvePlain(text, m_rules), event.start_mark);
        } else if (tag.empty()) {
            value = Value(text);
        } else {
            value = located(ScalarResolver::resolveTagged(text, tag, m_rules), event.start_mark);
        }
        value.setMark(toSourceMark(event.start_mark));
        const bool mergeKey = resolve && isKey && text == "<<" && m_rules == ScalarRules::PyYaml11;
        m_textBytes += text.size();
        addNode(std::move(value), eventText(scalar.anchor), 0, event.start_mark, mergeKey);
    }

    void onAlias(const yaml_event_t &event)
    {
        const std::string anchor = eventText(event.data.alias.anchor);
        auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            fail(event.start_mark, "unknown alias '*" + anchor + "'");
        m_nodeCount += it->second.nodeCount;
        m_textBytes += it->second.textBytes;
        checkNodeBudget(event.start_mark);
        checkDepth(event.start_mark, it->second.height);
        Value copy = it->second.value;
        copy.setMark(toSourceMark(event.start_mark));
        copy.setAlias(true);
        attach(std::move(copy), it->second.height, event.start_mark, false);
    }

    void onContainerStart(const yaml_event_t &event, bool isMapping)
    {
        const std::string tag
            = eventText(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag);
        const char *expected = isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq";
        if (!tag.empty() && tag != "!" && tag != expected)
            fail(event.start_mark,
                "unsupported YAML tag '" + tag
                    + "': Fondant reads only text, numbers, true/false, null, lists and mappings");
        if (expectingKey())
            fail(event.start_mark, "a mapping key must be a single value, not a list or a mapping");
        checkDepth(event.start_mark, 1);
        ++m_nodeCount;
        checkNodeBudget(event.start_mark);
        Frame frame;
        frame.isMapping = isMapping;
        frame.mark = event.start_mark;
        frame.anchor = eventText(
            isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor);
        frame.firstNode = m_nodeCount;
        frame.firstTextByte = m_textBytes;
        m_stack.push_back(std::move(frame));
    }

    void onContainerEnd()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        Value value = frame.isMapping ? finishMapping(frame) : Value(std::move(frame.items));
        value.setMark(toSourceMark(frame.mark));
        if (!frame.anchor.empty())
            m_anchors[frame.anchor] = Anchored {value, m_nodeCount - frame.firstNode + 1,
                frame.height, m_textBytes - frame.firstTextByte};
        attach(std::move(value), frame.height, frame.mark, false);
    }

    void onDocumentStart(const yaml_event_t &event)
    {
        if (m_documents++ > 0)
            fail(event.start_mark, "expected a single YAML document, found several");
    }

private:
    struct Frame
    {
        bool isMapping = false;
        yaml_mark_t mark {};
        std::string anchor;
        std::size_t firstNode = 0;
        std::size_t firstTextByte = 0;
        int height = 1; ///< levels of nesting in this container, itself included
        Value::Array items; ///< a sequence's items
        Value::Object members; ///< a mapping's own members, in order
        Value::Object merged; ///< members brought in by "<<" merge keys, in PyYAML's order
        std::optional<Member> pendingKey;
        bool pendingKeyIsMerge = false;
    };

    struct Anchored
    {
        Value value;
        std::size_t nodeCount = 0;
        int height = 0;
        std::size_t textBytes = 0; ///< of the scalars in it, keys included
    };

    [[noreturn]] void fail(const yaml_mark_t &mark, const std::string &message)
    {
        throw ParseAbort {Diagnostic::error(m_fileName, toSourceMark(mark), message)};
    }

    Value located(Result<Value> result, const yaml_mark_t &mark)
    {
        if (!result.ok())
            fail(mark, result.errorMessage());
        return std::move(result).value();
    }

    bool expectingKey() const
    {
        return !m_stack.empty() && m_stack.back().isMapping && !m_stack.back().pendingKey;
    }

    void checkNodeBudget(const yaml_mark_t &mark)
    {
        if (m_nodeCount > m_limits.maxNodes)
            fail(mark,
                "the document expands to more than " + std::to_string(m_limits.maxNodes)
                    + " values, counting every copy an alias makes");
        if (m_textBytes > m_limits.maxTextBytes)
            fail(mark,
                "the document's text expands to more than "
                    + std::to_string(m_limits.maxTextBytes / (1024 * 1024))
                    + " MiB (too many aliases of long text?)");
    }

    // Depth counts through aliases: a node of this height placed at the current level.
    void checkDepth(const yaml_mark_t &mark, int height)
    {
        if (static_cast<int>(m_stack.size()) + height > m_limits.maxDepth)
            fail(mark,
                "the document nests deeper than " + std::to_string(m_limits.maxDepth) + " levels");
    }

    void addNode(Value value, const std::string &anchor, int height, const yaml_mark_t &mark,
        bool isMergeKey)
    {
        ++m_nodeCount;
        checkNodeBudget(mark);
        if (!anchor.empty())
            m_anchors[anchor]
                = Anchored {value, 1, height, value.isString() ? value.toString().size() : 0};
        attach(std::move(value), height, mark, isMergeKey);
    }

    Member keyMember(Value key, const yaml_mark_t &mark)
    {
        Member member;
        member.keyMark = toSourceMark(mark);
        member.keyKind = key.kind();
        // The text json.dumps writes for a key of each type.
        switch (key.kind()) {
        case Value::Kind::String:
            member.key = key.toString();
            break;
        case Value::Kind::Null:
            member.key = "null";
            break;
        case Value::Kind::Bool:
            member.key = key.toBool() ? "true" : "false";
            break;
        case Value::Kind::Int:
            member.key = key.intText();
            break;
        case Value::Kind::Float:
            member.key = PyJson::floatRepr(key.toDouble());
            break;
        default:
            fail(mark, "a mapping key must be a single value, not a list or a mapping");
        }
        return member;
    }

    void attach(Value value, int height, const yaml_mark_t &mark, bool isMergeKey)
    {
        if (m_stack.empty()) {
            m_root = std::move(value);
            return;
        }
        Frame &frame = m_stack.back();
        frame.height = std::max(frame.height, height + 1);
        if (!frame.isMapping) {
            frame.items.push_back(std::move(value));
            return;
        }
        if (!frame.pendingKey) {
            if (value.isArray() || value.isObject())
                fail(mark, "a mapping key must be a single value, not a list or a mapping");
            frame.pendingKey = keyMember(std::move(value), mark);
            frame.pendingKeyIsMerge = isMergeKey;
            return;
        }
        Member member = std::move(*frame.pendingKey);
        frame.pendingKey.reset();
        if (frame.pendingKeyIsMerge) {
            mergeInto(frame, value, mark);
            return;
        }
        member.value = std::move(value);
        frame.members.push_back(std::move(member));
    }

    // PyYAML's flatten_mapping: a merged mapping's members, or those of a list of mappings
    // taken from the last to the first, go before the mapping's own members.
    void mergeInto(Frame &frame, const Value &value, const yaml_mark_t &mark)
    {
        const auto mergeOne = [&](const Value &source) {
            if (!source.isObject())
                fail(mark, "a merge key '<<' needs a mapping or a list of mappings");
            frame.merged.insert(
                frame.merged.end(), source.members().begin(), source.members().end());
        };
        if (value.isArray()) {
            for (auto item = value.items().rbegin(); item != value.items().rend(); ++item)
                mergeOne(*item);
        } else {
            mergeOne(value);
        }
    }

    Value finishMapping(Frame &frame)
    {
        DictBuilder dict;
        for (Member &member : frame.merged)
            dict.set(std::move(member));
        for (Member &member : frame.members) {
            if (m_rules == ScalarRules::Yaml12Core) {
                if (const Member *earlier = dict.find(member)) {
                    const std::string where = earlier->keyMark.isValid()
                        ? " (first at line " + std::to_string(earlier->keyMark.line) + ")"
                        : "";
                    throw ParseAbort {Diagnostic::error(m_fileName, member.keyMark,
                        "duplicate key '" + member.key + "'" + where
                            + ": each key may appear once in a mapping")};
                }
            }
            dict.set(std::move(member));
        }
        return Value(dict.take());
    }

    std::string m_fileName;
    ScalarRules m_rules;
    YamlLimits m_limits;
    std::vector<Frame> m_stack;
    std::unordered_map<std::string, Anchored> m_anchors;
    std::size_t m_nodeCount = 0;
    std::size_t m_textBytes = 0; ///< of every scalar, aliases expanded
    int m_documents = 0;
    Value m_root;
};

// Whether a line break starts at pos: libyaml ends a line (and a comment) at CR, LF, NEL, LS
// and PS.
bool isLineBreak(std::string_view text, std::size_t pos)
{
    if (text[pos] == '\n' || text[pos] == '\r')
        return true;
    const std::string_view rest = text.substr(pos, 3);
    return rest.starts_with("\xC2\x85") || rest == "\xE2\x80\xA8" || rest == "\xE2\x80\xA9";
}

std::size_t utf8Length(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/// Finds the comments libyaml skips between the events of one text, in one pass, and ties
/// each to the mapping key or sequence item it belongs to: lines above an element go to it, a
/// comment on the line where an element's key or value ends goes after it.
class CommentCollector
{
public:
    explicit CommentCollector(std::string_view text) : m_text(text) { }

    void onEvent(const yaml_event_t &event)
    {
        scanUpTo(event.start_mark.index);
        switch (event.type) {
        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT:
            endNode(startNode(event.start_mark, true));
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            const std::optional<Element> owner = startNode(event.start_mark, false);
            m_levels.push_back(Level {event.type == YAML_MAPPING_START_EVENT, owner, true, {}});
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            if (!m_levels.empty()) {
                const std::optional<Element> owner = m_levels.back().owner;
                m_levels.pop_back();
                endNode(owner);
            }
            break;
        case YAML_STREAM_END_EVENT:
            m_comments.setTail(std::move(m_pending));
            m_pending.clear();
            break;
        default:
            break;
        }
        if (event.end_mark.index > event.start_mark.index)
            m_lineHasContent = true;
        skipUpTo(event.end_mark.index);
    }

    YamlComments take() { return std::move(m_comments); }

private:
    struct Element
    {
        SourceMark mark;
        YamlComments::Owner owner;
    };
    struct Level
    {
        bool isMapping = false;
        std::optional<Element> owner; ///< the key or item whose value this collection is
        bool expectingKey = true;
        std::optional<Element> key; ///< the key whose value comes next
    };

    // The element a node starting at mark belongs to. A key or item takes the lines above it; so
    // does the key of a scalar value, for lines between them (a block collection value starts
    // at its first entry, after the lines above that).
    std::optional<Element> startNode(const yaml_mark_t &mark, bool isScalar)
    {
        if (m_levels.empty())
            return m_current = std::nullopt;
        const Level &level = m_levels.back();
        if (level.isMapping && !level.expectingKey) {
            m_current = level.key;
            if (!isScalar)
                return m_current;
        } else {
            m_current = Element {toSourceMark(mark),
                level.isMapping ? YamlComments::Owner::Key : YamlComments::Owner::Item};
        }
        if (m_current && !m_pending.empty()) {
            m_comments.addAbove(m_current->mark, m_current->owner, m_pending);
            m_pending.clear();
        }
        return m_current;
    }

    void endNode(const std::optional<Element> &element)
    {
        m_current = element;
        if (m_levels.empty() || !m_levels.back().isMapping)
            return;
        Level &level = m_levels.back();
        if (level.expectingKey)
            level.key = element;
        level.expectingKey = !level.expectingKey;
    }

    void advance()
    {
        m_byte += utf8Length(static_cast<unsigned char>(m_text[m_byte]));
        ++m_index;
    }

    void skipUpTo(std::size_t index)
    {
        while (m_index < index && m_byte < m_text.size())
            advance();
    }

    // Between events: every '#' starts a comment there, as libyaml reads it.
    void scanUpTo(std::size_t index)
    {
        while (m_index < index && m_byte < m_text.size()) {
            if (m_text[m_byte] == '#') {
                readComment(index);
                continue;
            }
            if (isLineBreak(m_text, m_byte))
                m_lineHasContent = false;
            advance();
        }
    }

    // Reads the comment whose '#' is at the cursor, up to the end of its line.
    void readComment(std::size_t index)
    {
        advance();
        const std::size_t start = m_byte;
        while (m_index < index && m_byte < m_text.size() && !isLineBreak(m_text, m_byte))
            advance();
        const std::string_view text = m_text.substr(start, m_byte - start);
        if (m_lineHasContent && m_current) {
            m_comments.addAfter(m_current->mark, m_current->owner, text);
        } else {
            m_pending += text;
            m_pending += '\n';
        }
    }

    std::string_view m_text;
    std::size_t m_byte = 0;
    std::size_t m_index = 0; ///< characters before m_byte, as libyaml counts marks
    bool m_lineHasContent = false; ///< whether a node ended on the current line
    std::vector<Level> m_levels;
    std::optional<Element> m_current; ///< the element the last node belongs to
    std::string m_pending; ///< comment lines waiting for the element they are above
    YamlComments m_comments;
};

// Line and column of a byte offset, counting characters as libyaml does.
SourceMark markOfOffset(std::string_view text, std::size_t offset)
{
    SourceMark mark {1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++mark.line;
            mark.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++mark.column;
        }
    }
    return mark;
}

Diagnostic syntaxError(const yaml_parser_t &parser, std::string_view text, const std::string &file)
{
    const std::string problem = parser.problem ? parser.problem : "unknown problem";
    if (parser.error == YAML_READER_ERROR) {
        std::string message = "the text cannot be read as YAML: " + problem;
        if (parser.problem_value >= 0 && problem.find("control characters") != std::string::npos) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(parser.problem_value));
            message = std::string("the character ") + code
                + " is not allowed in YAML text; write it as an escape in double quotes";
        }
        return Diagnostic::error(file, markOfOffset(text, parser.problem_offset), message);
    }
    if (parser.error == YAML_MEMORY_ERROR)
        return Diagnostic::error(file, {}, "out of memory while reading the YAML text");
    std::string message = "YAML syntax error: " + problem;
    if (parser.context)
        message += std::string(" (") + parser.context + ")";
    if (problem.find("Unicode character escape") != std::string::npos)
        message += "; halves of a UTF-16 pair such as \\ud83d cannot be read here: write the "
                   "character itself or an escape such as \\U0001F600";
    return Diagnostic::error(file, toSourceMark(parser.problem_mark), message);
}

} // namespace

namespace {

// Half of a UTF-16 pair written as an escape (\ud83d) is text to PyYAML, which libyaml refuses.
// Such escapes are read through stand-ins, one for each of the 2,048 surrogates, from a block
// of the private-use planes (15 and 16) that the text does not use, and turned back afterwards.
constexpr int mostSurrogateEscapes = 1000;
constexpr char32_t privateUseStart = 0xF0000;
constexpr char32_t standInCount = 0x800;
constexpr int standInBlocks = 64; // planes 15 and 16 hold 64 blocks of 2,048

// The first code point of a stand-in block no character or escape of the text falls in, or 0.
char32_t freeStandInBlock(std::string_view text)
{
    std::vector<bool> used(standInBlocks, false);
    const auto mark = [&](char32_t c) {
        if (c >= privateUseStart && c <= 0x10FFFF)
            used[(c - privateUseStart) / standInCount] = true;
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        mark(utf8::decode(text, pos));
        if (text[start] == '\\' && pos < text.size() && text[pos] == 'U'
            && pos + 9 <= text.size()) {
            unsigned value = 0;
            const auto parsed
                = std::from_chars(text.data() + pos + 1, text.data() + pos + 9, value, 16);
            if (parsed.ptr == text.data() + pos + 9)
                mark(value);
        }
    }
    for (int block = 0; block < standInBlocks; ++block)
        if (!used[static_cast<std::size_t>(block)])
            return privateUseStart + static_cast<char32_t>(block) * standInCount;
    return 0;
}

std::size_t byteOffsetOfCharacter(std::string_view text, std::size_t characters)
{
    std::size_t pos = 0;
    for (std::size_t i = 0; i < characters && pos < text.size(); ++i)
        utf8::decode(text, pos);
    return pos;
}

// At a refused escape (\uXXXX or \UXXXXXXXX) whose hex digits start at character index: the
// text with a stand-in escape in its place, or nothing when it is not a surrogate.
std::optional<std::string> withStandIn(
    std::string_view text, std::size_t characterIndex, char32_t firstStandIn)
{
    const std::size_t digits = byteOffsetOfCharacter(text, characterIndex);
    if (digits < 2 || text[digits - 2] != '\\')
        return std::nullopt;
    const char letter = text[digits - 1];
    const std::size_t count = letter == 'u' ? 4 : letter == 'U' ? 8 : 0;
    if (count == 0 || digits + count > text.size())
        return std::nullopt;
    unsigned value = 0;
    const char *end = text.data() + digits + count;
    const auto parsed = std::from_chars(text.data() + digits, end, value, 16);
    if (parsed.ptr != end || parsed.ec != std::errc() || value < 0xD800 || value > 0xDFFF)
        return std::nullopt;
    char escape[16];
    std::snprintf(
        escape, sizeof escape, "\\U%08X", static_cast<unsigned>(firstStandIn + value - 0xD800));
    std::string patched(text.substr(0, digits - 2));
    patched += escape;
    patched += text.substr(digits + count);
    return patched;
}

std::string restoreSurrogates(const std::string &text, char32_t firstStandIn)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t c = utf8::decode(text, pos);
        if (c >= firstStandIn && c < firstStandIn + standInCount)
            utf8::encode(out, c - firstStandIn + 0xD800);
        else
            out.append(text, start, pos - start);
    }
    return out;
}

void restoreSurrogates(Value &value, char32_t firstStandIn)
{
    if (value.isString()) {
        const SourceMark mark = value.mark();
        value = Value(restoreSurrogates(value.toString(), firstStandIn));
        value.setMark(mark);
    } else if (value.isArray()) {
        for (Value &item : value.items())
            restoreSurrogates(item, firstStandIn);
    } else if (value.isObject()) {
        for (Member &member : value.members()) {
            member.key = restoreSurrogates(member.key, firstStandIn);
            restoreSurrogates(member.value, firstStandIn);
        }
    }
}

struct EventsOutcome
{
    std::optional<Value> value;
    Diagnostic error;
    std::optional<std::size_t> surrogateEscapeAt; ///< character index of a refused escape
    YamlComments comments;
};

EventsOutcome readEvents(std::string_view text, const std::string &fileName, ScalarRules rules,
    const YamlLimits &limits, bool keepComments)
{
    LibYamlParser parser(text);
    if (!parser.ready())
        return {std::nullopt,
            Diagnostic::error(fileName, {}, "cannot start the YAML reader (out of memory)"), {},
            {}};
    TreeBuilder builder(fileName, rules, limits);
    std::optional<CommentCollector> collector;
    if (keepComments)
        collector.emplace(text);
    try {
        for (;;) {
            LibYamlEvent event;
            if (!yaml_parser_parse(parser.get(), &event.event)) {
                const yaml_parser_t &state = *parser.get();
                std::optional<std::size_t> escape;
                if (state.error == YAML_SCANNER_ERROR && state.problem
                    && std::string_view(state.problem).find("Unicode character escape")
                        != std::string_view::npos)
                    escape = state.problem_mark.index;
                return {std::nullopt, syntaxError(state, text, fileName), escape, {}};
            }
            if (collector)
                collector->onEvent(event.event);
            switch (event.event.type) {
            case YAML_STREAM_END_EVENT:
                return {
                    builder.takeRoot(), {}, {}, collector ? collector->take() : YamlComments {}};
            case YAML_DOCUMENT_START_EVENT:
                builder.onDocumentStart(event.event);
                break;
            case YAML_SCALAR_EVENT:
                builder.onScalar(event.event);
                break;
            case YAML_ALIAS_EVENT:
                builder.onAlias(event.event);
                break;
            case YAML_SEQUENCE_START_EVENT:
                builder.onContainerStart(event.event, false);
                break;
            case YAML_MAPPING_START_EVENT:
                builder.onContainerStart(event.event, true);
                break;
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT:
                builder.onContainerEnd();
                break;
            default:
                break;
            }
        }
    } catch (const ParseAbort &abort) {
        return {std::nullopt, abort.diagnostic, {}, {}};
    }
}

Result<CommentedValue> parseText(std::string_view text, const std::string &fileName,
    ScalarRules rules, const YamlLimits &limits, bool keepComments)
{
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    if (const auto bad = utf8::firstInvalid(text))
        return Diagnostic::error(fileName, *bad, "the file is not valid UTF-8 text");
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
        return Diagnostic::error(fileName, markOfOffset(text, nul),
            "the file contains a NUL byte; it is not a YAML text file");

    std::string patched;
    std::string_view input = text;
    char32_t firstStandIn = 0;
    for (int standIns = 0;; ++standIns) {
        EventsOutcome outcome = readEvents(input, fileName, rules, limits, keepComments);
        if (outcome.value) {
            if (standIns > 0)
                restoreSurrogates(*outcome.value, firstStandIn);
            return CommentedValue {std::move(*outcome.value), std::move(outcome.comments)};
        }
        if (!outcome.surrogateEscapeAt || standIns >= mostSurrogateEscapes)
            return outcome.error;
        if (standIns == 0)
            firstStandIn = freeStandInBlock(text);
        std::optional<std::string> next = firstStandIn
            ? withStandIn(input, *outcome.surrogateEscapeAt, firstStandIn)
            : std::nullopt;
        if (!next)
            return outcome.error;
        patched = std::move(*next);
        input = patched;
    }
}

} // namespace

Result<Value> YamlReader::parse(
    std::string_view text, const std::string &fileName, ScalarRules rules, const YamlLimits &limits)
{
    Result<CommentedValue> parsed = parseText(text, fileName, rules, limits, false);
    if (!parsed.ok())
        return parsed.takeDiagnostics();
    return std::move(parsed.value().value);
}

Result<CommentedValue> YamlReader::parseWithComments(
    std::string_view text, const std::string &fileName, ScalarRules rules, const YamlLimits &limits)
{
    return parseText(text, fileName, rules, limits, true);
}

Result<std::string> readTextFile(const QString &path, qint64 maxBytes)
{
    const std::string name = path.toStdString();
    const QFileInfo info(path);
    if (!info.exists())
        return Diagnostic::error(name, {}, "no such file");
    if (info.isDir())
        return Diagnostic::error(name, {}, "is a folder, not a file");
    if (!info.isFile())
        return Diagnostic::error(
            name, {}, "is not a regular file (a pipe, socket or device); it is not read");
    if (info.size() > maxBytes)
        return Diagnostic::error(name, {},
            "the file is " + std::to_string(info.size()) + " bytes, more than the "
                + std::to_string(maxBytes) + " bytes this tool reads");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Diagnostic::error(
            name, {}, "cannot open the file: " + file.errorString().toStdString());
    // Read what the file holds (plus one byte to notice growth), not the whole limit.
    const QByteArray bytes = file.read(std::min(info.size(), maxBytes) + 1);
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
