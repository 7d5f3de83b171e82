// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/history/RunRecord.h"

#include "core/cache/Md5.h"
#include "core/pipeline/PipelineWriter.h"
#include "core/session/PipelineSession.h"
#include "core/value/JsonReader.h"
#include "core/value/PyJson.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

namespace fondant {

namespace {

constexpr qint64 maxRecordBytes = 64 * 1024 * 1024;

Value optionalText(const std::optional<std::string> &text)
{
    return text ? Value(*text) : Value();
}

// Reads the members of one object, collecting what is missing or of the wrong type.
// Why a step's pre-images cannot be trusted: each is a JSON text, and the final one hashes to the
// step's key.
std::optional<std::string> preimagesProblem(
    const RunRecord::Preimages &preimages, const std::optional<std::string> &cacheKey)
{
    const std::pair<const char *, const std::string *> texts[] = {
        {"arguments", &preimages.arguments},
        {"operation_spec", &preimages.operationSpec},
        {"image", &preimages.image},
        {"final", &preimages.final},
    };
    for (const auto &[name, text] : texts)
        if (!JsonReader::parse(*text, name).ok())
            return "'" + std::string(name) + "' is not the JSON text Fondant hashes";
    if (!cacheKey)
        return std::string("there is no 'cache_key' they hash to");
    Result<std::string> digest = Md5::hexDigest(preimages.final);
    if (!digest.ok() || digest.value() != *cacheKey)
        return std::string("'final' does not hash to the step's 'cache_key'");
    return std::nullopt;
}

class RecordReader
{
public:
    RecordReader(const std::string &fileName, Diagnostics &errors)
        : m_fileName(fileName), m_errors(errors)
    { }

    std::string text(const Value &object, const char *key, const std::string &where)
    {
        const Value *value = object.find(key);
        if (!value || !value->isString()) {
            fail(value ? value->mark() : object.mark(), where + "'" + key + "' must be text");
            return {};
        }
        return value->toString();
    }

    std::optional<std::string> optionalText(
        const Value &object, const char *key, const std::string &where)
    {
        const Value *value = object.find(key);
        if (!value || value->isNull())
            return std::nullopt;
        return text(object, key, where);
    }

    bool flag(const Value &object, const char *key, bool fallback, const std::string &where)
    {
        const Value *value = object.find(key);
        if (!value)
            return fallback;
        if (!value->isBool()) {
            fail(value->mark(), where + "'" + key + "' must be true or false");
            return fallback;
        }
        return value->toBool();
    }

    void fail(SourceMark mark, const std::string &message)
    {
        m_errors.push_back(Diagnostic::error(m_fileName, mark, "invalid run record: " + message));
    }

private:
    const std::string &m_fileName;
    Diagnostics &m_errors;
};

} // namespace

const RunRecord::Step *RunRecord::step(const std::string &componentId) const
{
    for (const Step &step : steps)
        if (step.componentId == componentId)
            return &step;
    return nullptr;
}

RunRecord RunRecord::of(
    const PipelineSession &session, const std::string &runId, const std::string &workingDirectory)
{
    RunRecord record;
    record.runId = runId;
    record.pipeline = session.pipeline().name;
    record.datasetFolder = session.pipeline().name;
    record.workingDirectory = workingDirectory;
    const auto names = session.analysis().componentNames();
    for (std::size_t i = 0; i < session.pipeline().steps.size(); ++i) {
        const StepAnalysis &analysis = session.analysis().steps[i];
        Step step;
        step.id = session.pipeline().steps[i].id;
        step.componentId = analysis.spec ? names[i].id : step.id;
        step.cache = analysis.cacheEnabled;
        // A component that consumes and produces nothing writes data out: Fondant leaves its
        // reference file empty and writes no manifest.
        step.writes = analysis.spec && analysis.spec->consumes().defined
            && !analysis.spec->produces().defined;
        if (const CacheKey *key = session.key(static_cast<int>(i))) {
            step.cacheKey = key->key;
            step.preimages = Preimages {
                key->argumentsText, key->operationSpecText, key->imageText, key->finalText};
        }
        record.steps.push_back(std::move(step));
    }
    return record;
}

Value RunRecord::toValue() const
{
    Value root = Value::object();
    root.set("format", format);
    root.set("version", version);
    root.set("run_id", runId);
    root.set("pipeline", pipeline);
    root.set("dataset_folder", datasetFolder);
    root.set("working_directory", workingDirectory);
    Value list = Value::array();
    for (const Step &step : steps) {
        Value item = Value::object();
        item.set("id", step.id);
        item.set("component_id", step.componentId);
        item.set("cache", step.cache);
        item.set("writes", step.writes);
        item.set("cache_key", optionalText(step.cacheKey));
        if (step.preimages) {
            Value texts = Value::object();
            texts.set("arguments", step.preimages->arguments);
            texts.set("operation_spec", step.preimages->operationSpec);
            texts.set("image", step.preimages->image);
            texts.set("final", step.preimages->final);
            item.set("preimages", std::move(texts));
        } else {
            item.set("preimages", Value());
        }
        list.append(std::move(item));
    }
    root.set("steps", std::move(list));
    return root;
}

Result<RunRecord> RunRecord::fromValue(const Value &root, const std::string &fileName)
{
    Diagnostics errors;
    RecordReader reader(fileName, errors);
    if (!root.isObject()) {
        reader.fail(root.mark(), "the top level must be an object");
        return errors;
    }
    const Value *formatValue = root.find("format");
    if (!formatValue || !formatValue->isString() || formatValue->toString() != format) {
        reader.fail(formatValue ? formatValue->mark() : root.mark(),
            std::string("'format' must be \"") + format + "\"");
        return errors;
    }
    const Value *versionValue = root.find("version");
    if (!versionValue || !versionValue->isInt() || versionValue->toInt() != version) {
        reader.fail(versionValue ? versionValue->mark() : root.mark(),
            "only version " + std::to_string(version)
                + " can be read; this record was written by another release");
        return errors;
    }
    RunRecord record;
    record.runId = reader.text(root, "run_id", "");
    record.pipeline = reader.text(root, "pipeline", "");
    record.datasetFolder = reader.text(root, "dataset_folder", "");
    record.workingDirectory = reader.text(root, "working_directory", "");
    const Value *steps = root.find("steps");
    if (!steps || !steps->isArray()) {
        reader.fail(steps ? steps->mark() : root.mark(), "'steps' must be a list");
        return errors;
    }
    for (std::size_t i = 0; i < steps->items().size(); ++i) {
        const Value &item = steps->items()[i];
        const std::string where = "step " + std::to_string(i + 1) + ": ";
        if (!item.isObject()) {
            reader.fail(item.mark(), where + "must be an object");
            continue;
        }
        Step step;
        step.id = reader.text(item, "id", where);
        step.componentId = reader.text(item, "component_id", where);
        step.cache = reader.flag(item, "cache", true, where);
        step.writes = reader.flag(item, "writes", false, where);
        step.cacheKey = reader.optionalText(item, "cache_key", where);
        if (const Value *texts = item.find("preimages"); texts && !texts->isNull()) {
            if (!texts->isObject()) {
                reader.fail(texts->mark(), where + "'preimages' must be an object");
            } else {
                const std::string inner = where + "preimages: ";
                Preimages preimages {reader.text(*texts, "arguments", inner),
                    reader.text(*texts, "operation_spec", inner),
                    reader.text(*texts, "image", inner), reader.text(*texts, "final", inner)};
                if (const std::optional<std::string> problem
                    = preimagesProblem(preimages, step.cacheKey))
                    reader.fail(texts->mark(), inner + *problem);
                step.preimages = std::move(preimages);
            }
        }
        record.steps.push_back(std::move(step));
    }
    if (!errors.empty())
        return errors;
    return record;
}

Result<RunRecord> RunRecord::read(const QString &path)
{
    Result<Value> root = JsonReader::readFile(path, maxRecordBytes);
    if (!root.ok())
        return root.takeDiagnostics();
    return fromValue(root.value(), path.toStdString());
}

std::optional<Diagnostic> RunRecord::write(const QString &path) const
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Diagnostic::error(path.toStdString(), {},
            "cannot create the folder " + QFileInfo(path).absolutePath().toStdString());
    return writeFileAtomically(path, PyJson::dumps(toValue(), PyJson::KeyOrder::Insertion) + "\n");
}

QString RunRecord::userDataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool RunRecord::isRemote(const QString &workingDirectory)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    return scheme.match(workingDirectory).hasMatch()
        && !workingDirectory.startsWith(QLatin1String("file://"));
}

QString RunRecord::location(
    const QString &workingDirectory, const std::string &runId, const QString &dataFolder)
{
    const QString file = QString::fromStdString(runId) + QStringLiteral(".json");
    if (!isRemote(workingDirectory)) {
        const QString local = workingDirectory.startsWith(QLatin1String("file://"))
            ? QUrl(workingDirectory).toLocalFile()
            : workingDirectory;
        return QDir(local).filePath(QStringLiteral(".fondant-studio/runs/") + file);
    }
    // One folder per remote working directory, named by a digest of its address.
    const QString digest = QString::fromLatin1(
        QCryptographicHash::hash(workingDirectory.toUtf8(), QCryptographicHash::Sha1).toHex());
    return QDir(dataFolder).filePath(QStringLiteral("runs/") + digest + QLatin1Char('/') + file);
}

} // namespace fondant
