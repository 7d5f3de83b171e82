// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/history/RunHistory.h"

#include "core/manifest/Manifest.h"
#include "core/yaml/YamlReader.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>

namespace fondant {

namespace fs = std::filesystem;

namespace {

constexpr qint64 maxReferenceBytes = 64 * 1024;
const char *const recordsFolder = ".fondant-studio/runs";

std::int64_t modificationTime(const fs::path &path)
{
    std::error_code error;
    const fs::file_time_type time = fs::last_write_time(path, error);
    if (error)
        return 0;
    const auto system = std::chrono::file_clock::to_sys(time);
    return std::chrono::duration_cast<std::chrono::milliseconds>(system.time_since_epoch()).count();
}

std::string text(const fs::path &path)
{
    return path.string();
}

Diagnostic warningAt(const fs::path &path, const std::string &message)
{
    return Diagnostic::warning(text(path), {}, message);
}

Diagnostic notARun(const fs::path &folder)
{
    return warningAt(folder, "not a run: it holds no step folders");
}

// Fondant's run ids end in the local time of the run: NAME-YYYYmmddHHMMSS.
std::int64_t timeOfRunId(const std::string &runId)
{
    if (runId.size() < 16 || runId[runId.size() - 15] != '-')
        return 0;
    const QDateTime time = QDateTime::fromString(
        QString::fromStdString(runId.substr(runId.size() - 14)), QStringLiteral("yyyyMMddHHmmss"));
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

// The folder, run and step a reference file's target names: …/FOLDER/RUN/STEP/manifest.json.
struct TargetParts
{
    std::string folder;
    std::string run;
    std::string step;
};

std::optional<TargetParts> partsOf(const std::string &target)
{
    std::vector<std::string> parts;
    std::size_t end = target.size();
    while (parts.size() < 4 && end > 0) {
        const std::size_t slash = target.rfind('/', end - 1);
        const std::size_t begin = slash == std::string::npos ? 0 : slash + 1;
        parts.push_back(target.substr(begin, end - begin));
        if (slash == std::string::npos)
            break;
        end = slash;
    }
    if (parts.size() < 4 || parts[0] != "manifest.json")
        return std::nullopt;
    for (std::size_t i = 1; i < 4; ++i)
        if (parts[i].empty() || parts[i] == "." || parts[i] == "..")
            return std::nullopt;
    return TargetParts {parts[3], parts[2], parts[1]};
}

bool isHexKey(const std::string &name)
{
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

// Entries of a folder, without following links; an unreadable folder is a warning.
std::vector<fs::directory_entry> entriesOf(const fs::path &folder, Diagnostics &warnings)
{
    std::vector<fs::directory_entry> entries;
    std::error_code error;
    fs::directory_iterator it(folder, error);
    if (error) {
        warnings.push_back(warningAt(folder, "cannot be read: " + error.message()));
        return entries;
    }
    for (; it != fs::directory_iterator(); it.increment(error)) {
        if (error) {
            warnings.push_back(warningAt(folder, "cannot be read: " + error.message()));
            break;
        }
        entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
        [](const auto &a, const auto &b) { return a.path().filename() < b.path().filename(); });
    return entries;
}

// The bytes of the regular files under a folder, not following links.
std::int64_t bytesUnder(const fs::path &folder)
{
    std::int64_t bytes = 0;
    std::error_code error;
    fs::recursive_directory_iterator it(
        folder, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error))
        if (it->is_regular_file(error) && !it->is_symlink(error))
            bytes += static_cast<std::int64_t>(it->file_size(error));
    return bytes;
}

} // namespace

const StepRun *RunInfo::step(const std::string &componentId) const
{
    for (const StepRun &step : steps)
        if (step.componentId == componentId)
            return &step;
    return nullptr;
}

std::string RunInfo::name() const
{
    if (record)
        return record->pipeline;
    if (timeOfRunId(runId) != 0)
        return runId.substr(0, runId.size() - 15);
    return datasetFolder;
}

std::string RunInfo::stepId(const StepRun &step) const
{
    const RunRecord::Step *recorded = record ? record->step(step.componentId) : nullptr;
    return recorded ? recorded->id : step.componentId;
}

RunHistory::RunHistory(QString workingDirectory) : m_workingDirectory(std::move(workingDirectory))
{ }

Result<RunHistory> RunHistory::open(const QString &workingDirectory)
{
    const std::string where = workingDirectory.toStdString();
    if (RunRecord::isRemote(workingDirectory))
        return Diagnostic::error(where, {},
            "a remote working directory cannot be read here; copy it to a local folder first");
    const QFileInfo info(workingDirectory);
    if (!info.exists())
        return Diagnostic::error(where, {}, "no such working directory");
    if (!info.isDir())
        return Diagnostic::error(where, {}, "not a working directory: it is not a folder");
    if (!info.isReadable() || !info.isExecutable())
        return Diagnostic::error(where, {}, "the working directory cannot be read");
    RunHistory history(QDir::cleanPath(info.absoluteFilePath()));
    history.refresh();
    return history;
}

void RunHistory::refresh()
{
    m_lastReadCount = 0;
    const fs::path root = m_workingDirectory.toStdString();
    Diagnostics rootWarnings;
    std::set<std::string> present;
    for (const fs::directory_entry &entry : entriesOf(root, rootWarnings)) {
        const std::string name = entry.path().filename().string();
        std::error_code error;
        if (name.starts_with('.') || entry.is_symlink(error) || !entry.is_directory(error))
            continue; // the studio's own folder, and files a user keeps beside the datasets
        present.insert(name);
    }
    m_recordWarnings = std::move(rootWarnings);
    readRecords();
    std::erase_if(m_datasets, [&](const auto &item) { return !present.contains(item.first); });
    for (const std::string &name : present)
        refreshDataset(name, m_datasets[name]);
    collectWarnings();
}

void RunHistory::refreshDataset(const std::string &name, DatasetFolder &dataset)
{
    const fs::path folder = fs::path(m_workingDirectory.toStdString()) / name;
    dataset.warnings.clear();
    std::set<std::string> runIds;
    std::vector<std::string> changedRuns;
    bool hasCache = false;
    for (const fs::directory_entry &entry : entriesOf(folder, dataset.warnings)) {
        const std::string entryName = entry.path().filename().string();
        std::error_code error;
        if (entry.is_symlink(error)) {
            dataset.warnings.push_back(
                warningAt(entry.path(), "a symbolic link, not followed: Fondant writes none"));
            continue;
        }
        if (!entry.is_directory(error)) {
            dataset.warnings.push_back(
                warningAt(entry.path(), "not part of Fondant's layout (a stray file)"));
            continue;
        }
        if (entryName == "cache") {
            hasCache = true;
            continue;
        }
        const std::int64_t time = modificationTime(entry.path());
        if (auto other = dataset.otherFolders.find(entryName);
            other != dataset.otherFolders.end() && other->second == time) {
            dataset.warnings.push_back(notARun(entry.path()));
            continue;
        }
        auto known = dataset.runs.find(entryName);
        if (known != dataset.runs.end() && known->second.folderTime == time
            && known->second.info.complete) {
            runIds.insert(entryName);
            continue;
        }
        RunFolder run = readRun(name, entryName);
        ++m_lastReadCount;
        run.folderTime = time;
        if (run.info.steps.empty()) {
            dataset.otherFolders[entryName] = time;
            dataset.warnings.push_back(notARun(entry.path()));
            continue;
        }
        dataset.otherFolders.erase(entryName);
        changedRuns.push_back(entryName);
        runIds.insert(entryName);
        dataset.runs[entryName] = std::move(run);
    }
    std::erase_if(dataset.runs, [&](const auto &item) { return !runIds.contains(item.first); });

    // Reference files: new ones are read, and those a changed run may have rewritten.
    std::set<std::string> keys;
    std::set<std::string> unread;
    if (hasCache) {
        for (const fs::directory_entry &entry : entriesOf(folder / "cache", dataset.warnings)) {
            const fs::path &path = entry.path();
            const std::string key = path.stem().string();
            std::error_code error;
            if (path.extension() != ".txt" || !isHexKey(key) || entry.is_symlink(error)
                || !entry.is_regular_file(error)) {
                dataset.warnings.push_back(
                    warningAt(path, "not a cache reference file (KEY.txt, KEY in hexadecimal)"));
                continue;
            }
            keys.insert(key);
            if (!dataset.references.contains(key))
                unread.insert(key);
        }
    }
    std::erase_if(dataset.references, [&](const auto &item) { return !keys.contains(item.first); });
    readReferences(folder, dataset, unread);
    deduceKeys(name, dataset);
    if (changedRuns.empty())
        return;
    // A step of a changed run rewrote its key's reference file. Its key is known from the run
    // record or from an output it reused; a step that executed under a key that already had a
    // reference file is found among the files naming the same step.
    std::set<std::string> again;
    for (const std::string &runId : changedRuns) {
        for (const StepRun &step : dataset.runs[runId].info.steps) {
            if (step.cacheKey && keys.contains(*step.cacheKey)) {
                again.insert(*step.cacheKey);
                continue;
            }
            if (step.executed != true)
                continue;
            for (const auto &[key, reference] : dataset.references)
                if (const std::optional<TargetParts> parts = partsOf(reference.target);
                    parts && parts->step == step.componentId)
                    again.insert(key);
        }
    }
    for (const std::string &key : unread)
        again.erase(key);
    if (again.empty())
        return;
    readReferences(folder, dataset, again);
    deduceKeys(name, dataset);
}

void RunHistory::readReferences(
    const fs::path &folder, DatasetFolder &dataset, const std::set<std::string> &keys)
{
    for (const std::string &key : keys) {
        const fs::path path = folder / "cache" / (key + ".txt");
        Result<std::string> content
            = readTextFile(QString::fromStdString(text(path)), maxReferenceBytes);
        ++m_lastReadCount;
        if (!content.ok()) {
            for (Diagnostic d : content.diagnostics()) {
                d.severity = Severity::Warning;
                dataset.warnings.push_back(std::move(d));
            }
            dataset.references.erase(key);
            continue;
        }
        CacheReference reference {key, content.value(), modificationTime(path)};
        if (!reference.target.empty() && !partsOf(reference.target))
            dataset.warnings.push_back(warningAt(path,
                "names no step manifest (…/FOLDER/RUN/STEP/manifest.json): '"
                    + withVisibleControls(reference.target.substr(0, 200)) + "'"));
        dataset.references[key] = std::move(reference);
    }
}

RunHistory::RunFolder RunHistory::readRun(
    const std::string &datasetFolder, const std::string &runId) const
{
    RunFolder run;
    run.info.datasetFolder = datasetFolder;
    run.info.runId = runId;
    const fs::path folder = fs::path(m_workingDirectory.toStdString()) / datasetFolder / runId;
    for (const fs::directory_entry &entry : entriesOf(folder, run.warnings)) {
        std::error_code error;
        if (entry.is_symlink(error)) {
            run.warnings.push_back(
                warningAt(entry.path(), "a symbolic link, not followed: Fondant writes none"));
            continue;
        }
        if (!entry.is_directory(error)) {
            run.info.outputBytes += static_cast<std::int64_t>(entry.file_size(error));
            run.warnings.push_back(warningAt(entry.path(), "not a step folder (a stray file)"));
            continue;
        }
        StepRun step;
        step.componentId = entry.path().filename().string();
        run.info.outputBytes += bytesUnder(entry.path());
        const fs::path manifestPath = entry.path() / "manifest.json";
        if (!fs::exists(manifestPath, error)) {
            run.info.complete = false;
            run.warnings.push_back(
                warningAt(entry.path(), "no manifest.json: the step did not finish in this run"));
            run.info.steps.push_back(std::move(step));
            continue;
        }
        step.manifestTime = modificationTime(manifestPath);
        Result<Manifest> manifest = Manifest::fromFile(QString::fromStdString(text(manifestPath)));
        if (!manifest.ok()) {
            run.info.complete = false;
            for (Diagnostic d : manifest.diagnostics()) {
                d.severity = Severity::Warning;
                d.message += " (the step's outcome in this run is unknown)";
                run.warnings.push_back(std::move(d));
            }
            run.info.steps.push_back(std::move(step));
            continue;
        }
        step.hasManifest = true;
        step.fields = manifest.value().fields();
        if (const std::optional<std::string> from = manifest.value().runId()) {
            step.fromRun = *from;
            step.executed = *from == runId;
        }
        run.info.steps.push_back(std::move(step));
    }
    std::stable_sort(run.info.steps.begin(), run.info.steps.end(),
        [](const StepRun &a, const StepRun &b) { return a.manifestTime < b.manifestTime; });
    run.info.time = timeOfRunId(runId);
    if (run.info.time == 0)
        for (const StepRun &step : run.info.steps)
            run.info.time = std::max(run.info.time, step.manifestTime);
    return run;
}

void RunHistory::readRecords()
{
    const fs::path folder = fs::path(m_workingDirectory.toStdString()) / recordsFolder;
    std::error_code error;
    if (!fs::is_directory(folder, error))
        return;
    std::set<std::string> present;
    for (const fs::directory_entry &entry : entriesOf(folder, m_recordWarnings)) {
        const std::string runId = entry.path().stem().string();
        if (entry.path().extension() != ".json" || !entry.is_regular_file(error))
            continue;
        present.insert(runId);
        if (m_records.contains(runId))
            continue;
        Result<RunRecord> record = RunRecord::read(QString::fromStdString(text(entry.path())));
        ++m_lastReadCount;
        if (!record.ok()) {
            for (Diagnostic d : record.diagnostics()) {
                d.severity = Severity::Warning;
                m_recordWarnings.push_back(std::move(d));
            }
            continue;
        }
        if (record.value().runId != runId) {
            m_recordWarnings.push_back(warningAt(entry.path(),
                "the record is of run '" + withVisibleControls(record.value().runId)
                    + "', not of the run its file name gives"));
            continue;
        }
        m_records.emplace(runId, std::move(record).value());
    }
    std::erase_if(m_records, [&](const auto &item) { return !present.contains(item.first); });
}

void RunHistory::deduceKeys(const std::string &folderName, DatasetFolder &dataset) const
{
    {
        // An output is computed once under one key: every run that reused it shares that key.
        std::map<std::pair<std::string, std::string>, std::string> keyOfOutput;
        const auto learn = [&](const std::string &step, const std::optional<std::string> &from,
                               const std::string &key) {
            if (from)
                keyOfOutput.try_emplace({step, *from}, key);
        };
        for (auto &[runId, run] : dataset.runs) {
            const auto record = m_records.find(runId);
            run.info.record = record == m_records.end() ? nullptr : &record->second;
            if (!run.info.record)
                continue;
            for (const RunRecord::Step &recorded : run.info.record->steps)
                if (const StepRun *step = run.info.step(recorded.componentId);
                    step && recorded.cacheKey)
                    learn(step->componentId, step->fromRun, *recorded.cacheKey);
        }
        for (const auto &[key, reference] : dataset.references) {
            const std::optional<TargetParts> parts = partsOf(reference.target);
            if (!parts || parts->folder != folderName)
                continue;
            const auto run = dataset.runs.find(parts->run);
            if (run == dataset.runs.end())
                continue;
            if (const StepRun *step = run->second.info.step(parts->step))
                learn(step->componentId, step->fromRun, key);
        }
        for (auto &[runId, run] : dataset.runs) {
            for (StepRun &step : run.info.steps) {
                step.cacheKey.reset();
                if (step.fromRun)
                    if (auto known = keyOfOutput.find({step.componentId, *step.fromRun});
                        known != keyOfOutput.end())
                        step.cacheKey = known->second;
            }
            if (!run.info.record)
                continue;
            // The record knows every step's key, and the write steps that leave no folder.
            std::vector<StepRun> ordered;
            for (const RunRecord::Step &recorded : run.info.record->steps) {
                auto found = std::find_if(run.info.steps.begin(), run.info.steps.end(),
                    [&](const StepRun &step) { return step.componentId == recorded.componentId; });
                StepRun step;
                if (found != run.info.steps.end()) {
                    step = std::move(*found);
                    run.info.steps.erase(found);
                } else {
                    step.componentId = recorded.componentId;
                }
                step.writes = recorded.writes;
                if (recorded.cacheKey)
                    step.cacheKey = recorded.cacheKey;
                ordered.push_back(std::move(step));
            }
            for (StepRun &rest : run.info.steps)
                ordered.push_back(std::move(rest));
            run.info.steps = std::move(ordered);
        }
    }
}

void RunHistory::collectWarnings()
{
    m_warnings = m_recordWarnings;
    for (const auto &[name, dataset] : m_datasets) {
        m_warnings.insert(m_warnings.end(), dataset.warnings.begin(), dataset.warnings.end());
        for (const auto &[runId, run] : dataset.runs)
            m_warnings.insert(m_warnings.end(), run.warnings.begin(), run.warnings.end());
    }
}

std::vector<const RunInfo *> RunHistory::runs() const
{
    std::vector<const RunInfo *> all;
    for (const auto &[name, dataset] : m_datasets)
        for (const auto &[runId, run] : dataset.runs)
            all.push_back(&run.info);
    std::stable_sort(all.begin(), all.end(), [](const RunInfo *a, const RunInfo *b) {
        return a->time != b->time ? a->time > b->time : a->runId > b->runId;
    });
    return all;
}

std::vector<const RunInfo *> RunHistory::runsOf(const std::string &datasetFolder) const
{
    std::vector<const RunInfo *> all = runs();
    std::erase_if(all, [&](const RunInfo *run) { return run->datasetFolder != datasetFolder; });
    return all;
}

const RunInfo *RunHistory::run(const std::string &runId) const
{
    for (const auto &[name, dataset] : m_datasets)
        if (auto found = dataset.runs.find(runId); found != dataset.runs.end())
            return &found->second.info;
    return nullptr;
}

std::vector<std::string> RunHistory::datasetFolders() const
{
    std::vector<std::string> names;
    for (const auto &[name, dataset] : m_datasets)
        names.push_back(name);
    return names;
}

const CacheReference *RunHistory::reference(
    const std::string &datasetFolder, const std::string &key) const
{
    const auto dataset = m_datasets.find(datasetFolder);
    if (dataset == m_datasets.end())
        return nullptr;
    const auto found = dataset->second.references.find(key);
    return found == dataset->second.references.end() ? nullptr : &found->second;
}

const StepRun *RunHistory::output(const CacheReference &reference) const
{
    const std::optional<TargetParts> parts = partsOf(reference.target);
    const RunInfo *info = parts ? run(parts->run) : nullptr;
    return info && info->datasetFolder == parts->folder ? info->step(parts->step) : nullptr;
}

QString RunHistory::localManifestPath(const std::string &target) const
{
    const std::optional<TargetParts> parts = partsOf(target);
    if (!parts)
        return {};
    return QDir(m_workingDirectory)
        .filePath(QString::fromStdString(
            parts->folder + "/" + parts->run + "/" + parts->step + "/manifest.json"));
}

} // namespace fondant
