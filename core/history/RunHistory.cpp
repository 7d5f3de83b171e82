// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/history/RunHistory.h"

#include "core/history/Folder.h"
#include "core/manifest/Manifest.h"
#include "core/value/JsonReader.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTimeZone>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>
#include <unordered_map>

namespace fondant {

namespace {

constexpr std::int64_t maxReferenceBytes = 64 * 1024;
constexpr std::int64_t maxManifestBytes = 64 * 1024 * 1024;
constexpr int maxFolderDepth = 16;

Diagnostic warningAt(const std::string &path, const std::string &message)
{
    return Diagnostic::warning(path, {}, message);
}

// Problems of reading as warnings: the history never fails on what it finds in a folder. A
// file with many problems gives the first few and their number, not one warning per field.
constexpr std::size_t maxWarningsPerFile = 20;

void addAsWarnings(Diagnostics diagnostics, Diagnostics &warnings, const std::string &suffix = {})
{
    const std::size_t kept = std::min(diagnostics.size(), maxWarningsPerFile);
    for (std::size_t i = 0; i < kept; ++i) {
        Diagnostic &d = diagnostics[i];
        d.severity = Severity::Warning;
        d.message += suffix;
        warnings.push_back(std::move(d));
    }
    if (diagnostics.size() > kept)
        warnings.push_back(warningAt(diagnostics[kept].file,
            "and " + std::to_string(diagnostics.size() - kept) + " more problems in this file"));
}

Diagnostic linkNotFollowed(const std::string &path)
{
    return warningAt(path, "a symbolic link, not followed: Fondant writes none");
}

Diagnostic notARun(const std::string &folder)
{
    return warningAt(folder, "not a run: it holds no step folders");
}

// Fondant's run ids end in the local time of the run: NAME-YYYYmmddHHMMSS.
bool endsInRunTime(const std::string &runId)
{
    return runId.size() >= 16 && runId[runId.size() - 15] == '-'
        && std::all_of(runId.end() - 14, runId.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::int64_t timeOfRunId(const std::string &runId)
{
    if (!endsInRunTime(runId))
        return 0;
    const auto number = [&](std::size_t from, std::size_t digits) {
        int value = 0;
        for (std::size_t i = runId.size() - 14 + from; digits > 0; ++i, --digits)
            value = value * 10 + (runId[i] - '0');
        return value;
    };
    const QDate date(number(0, 4), number(4, 2), number(6, 2));
    const QTime time(number(8, 2), number(10, 2), number(12, 2));
    if (!date.isValid() || !time.isValid())
        return 0;
    // The zone's rules are read once per thread, not from the system on every conversion.
    thread_local const QTimeZone zone = QTimeZone::systemTimeZone();
    return QDateTime(date, time, zone).toMSecsSinceEpoch();
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

bool couldBeRunId(const std::string &name)
{
    return !name.starts_with('.') && std::none_of(name.begin(), name.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
}

bool isHexKey(std::string_view name)
{
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

// Runs work(0) … work(count - 1), independent of each other, on the machine's cores.
template<typename Work>
void onAllCores(std::size_t count, const Work &work)
{
    std::atomic<std::size_t> next = 0;
    const auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++)
            work(i);
    };
    const unsigned helpers
        = count < 64 ? 0 : std::clamp(std::thread::hardware_concurrency(), 1u, 8u) - 1;
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < helpers; ++i)
        threads.emplace_back(worker);
    worker();
    for (std::thread &thread : threads)
        thread.join();
}

// The bytes of the regular files under a folder, not following links.
std::int64_t bytesUnder(const Folder &folder, int depth)
{
    std::int64_t bytes = 0;
    for (const Folder::Entry &entry : folder.entries()) {
        if (entry.kind == Folder::Kind::File) {
            if (const std::optional<Folder::Status> status = folder.status(entry.name))
                bytes += status->bytes;
        } else if (entry.kind == Folder::Kind::Folder && depth < maxFolderDepth) {
            if (Result<Folder> inner = folder.openFolder(entry.name); inner.ok())
                bytes += bytesUnder(inner.value(), depth + 1);
        }
    }
    return bytes;
}

} // namespace

const StepRun *RunInfo::step(const std::string &componentId) const
{
    const auto found = m_stepIndex.find(componentId);
    return found == m_stepIndex.end() ? nullptr : &steps[found->second];
}

void RunInfo::indexSteps()
{
    m_stepIndex.clear();
    m_stepIndex.reserve(steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i)
        m_stepIndex.try_emplace(steps[i].componentId, i);
}

std::string RunInfo::name() const
{
    if (record)
        return record->pipeline;
    if (endsInRunTime(runId))
        return runId.substr(0, runId.size() - 15);
    return datasetFolder;
}

std::string RunInfo::stepId(const StepRun &step) const
{
    return step.recorded ? step.recorded->id : step.componentId;
}

RunHistory::RunHistory(QString workingDirectory, QString recordsFolder, bool remote)
    : m_workingDirectory(std::move(workingDirectory)), m_recordsFolder(std::move(recordsFolder)),
      m_remote(remote)
{ }

Result<RunHistory> RunHistory::open(const QString &workingDirectory, const QString &dataFolder)
{
    const std::string where = workingDirectory.toStdString();
    const auto recordsFolderOf = [&](const QString &folder) {
        return QFileInfo(RunRecord::location(folder, "run", dataFolder)).absolutePath();
    };
    if (RunRecord::isRemote(workingDirectory)) {
        if (dataFolder.isEmpty())
            return Diagnostic::error(where, {},
                "a remote working directory cannot be read here; copy it to a local folder "
                "first");
        RunHistory history(workingDirectory, recordsFolderOf(workingDirectory), true);
        history.refresh();
        return history;
    }
    const QFileInfo info(workingDirectory);
    if (!info.exists())
        return Diagnostic::error(where, {}, "no such working directory");
    if (!info.isDir())
        return Diagnostic::error(where, {}, "not a working directory: it is not a folder");
    if (!info.isReadable() || !info.isExecutable())
        return Diagnostic::error(where, {}, "the working directory cannot be read");
    const QString folder = QDir::cleanPath(info.absoluteFilePath());
    RunHistory history(folder, recordsFolderOf(folder), false);
    history.refresh();
    // An empty folder is a working directory nothing ran in yet; folders of other kinds are not.
    if (!history.m_datasets.empty()
        && std::none_of(history.m_datasets.begin(), history.m_datasets.end(),
            [](const auto &item) { return item.second.fondantLayout; }))
        return Diagnostic::error(where, {},
            "not a Fondant working directory: none of its folders holds a cache folder or runs "
            "with step manifests");
    return history;
}

void RunHistory::refresh()
{
    m_lastReadCount = 0;
    m_rootWarnings.clear();
    m_recordsChanged = false;
    readRecords();
    if (m_remote) {
        addRecordedOnlyRuns();
        collectWarnings();
        return;
    }
    std::set<std::string> present;
    Result<Folder> root = Folder::open(m_workingDirectory.toStdString());
    if (root.ok()) {
        // Files a user keeps beside the datasets are theirs; hidden entries too.
        for (const Folder::Entry &entry : root->entries()) {
            if (entry.name.starts_with('.'))
                continue;
            if (entry.kind == Folder::Kind::Folder)
                present.insert(entry.name);
            else if (entry.kind == Folder::Kind::Link)
                m_rootWarnings.push_back(linkNotFollowed(root->pathOf(entry.name)));
        }
    } else {
        addAsWarnings(root.takeDiagnostics(), m_rootWarnings);
    }
    std::erase_if(m_datasets, [&](const auto &item) { return !present.contains(item.first); });
    for (const std::string &name : present)
        refreshDataset(root.value(), name, m_datasets[name]);
    addRecordedOnlyRuns();
    collectWarnings();
}

void RunHistory::addRecordedOnlyRuns()
{
    m_recordedOnly.clear();
    for (const auto &[runId, record] : m_records) {
        const auto dataset = m_datasets.find(record.datasetFolder);
        if (dataset != m_datasets.end() && dataset->second.runs.contains(runId))
            continue;
        RunInfo &run = m_recordedOnly[runId];
        run.datasetFolder = record.datasetFolder;
        run.runId = runId;
        run.record = &record;
        run.onlyRecorded = true;
        run.complete = false;
        run.time = timeOfRunId(runId);
        for (const RunRecord::Step &recorded : record.steps) {
            StepRun step;
            step.componentId = recorded.componentId;
            step.hasFolder = false;
            step.recorded = &recorded;
            step.writes = recorded.writes;
            step.cacheKey = recorded.cacheKey;
            run.steps.push_back(std::move(step));
        }
        run.indexSteps();
    }
}

void RunHistory::refreshDataset(const Folder &root, const std::string &name, DatasetFolder &dataset)
{
    dataset.warnings.clear();
    Result<Folder> folder = root.openFolder(name);
    if (!folder.ok()) {
        addAsWarnings(folder.takeDiagnostics(), dataset.warnings);
        dataset.runs.clear();
        dataset.references.clear();
        return;
    }
    // Entries come sorted by name; the names below are views of them.
    const std::vector<Folder::Entry> entries = folder->entries();
    std::vector<std::string_view> folderNames; // sorted
    std::vector<std::string> changedRuns;
    std::vector<std::pair<std::string, std::int64_t>> toRead; // run folders and their times
    bool hasCache = false;
    for (const Folder::Entry &entry : entries) {
        if (entry.kind == Folder::Kind::Link) {
            dataset.warnings.push_back(linkNotFollowed(folder->pathOf(entry.name)));
            continue;
        }
        if (entry.kind != Folder::Kind::Folder) {
            dataset.warnings.push_back(warningAt(
                folder->pathOf(entry.name), "not part of Fondant's layout (a stray file)"));
            continue;
        }
        if (entry.name == "cache") {
            hasCache = true;
            continue;
        }
        folderNames.push_back(entry.name);
        if (!couldBeRunId(entry.name)) {
            dataset.warnings.push_back(warningAt(folder->pathOf(entry.name),
                "not a run: Fondant's run ids never start with '.' or hold control characters"));
            continue;
        }
        const std::optional<Folder::Status> status = folder->status(entry.name);
        const std::int64_t time = status ? status->modified : 0;
        if (auto other = dataset.otherFolders.find(entry.name);
            other != dataset.otherFolders.end() && other->second.time == time) {
            append(dataset.warnings, other->second.warnings);
            continue;
        }
        auto known = dataset.runs.find(entry.name);
        if (known != dataset.runs.end() && known->second.folderTime == time
            && known->second.info.complete)
            continue;
        toRead.push_back({entry.name, time});
    }
    const auto isFolder = [&](const std::string &entryName) {
        return std::binary_search(folderNames.begin(), folderNames.end(), entryName);
    };
    std::erase_if(dataset.runs, [&](const auto &item) { return !isFolder(item.first); });
    std::erase_if(dataset.otherFolders, [&](const auto &item) { return !isFolder(item.first); });
    std::vector<RunFolder> read = readRuns(folder.value(), name, toRead);
    m_lastReadCount += static_cast<int>(read.size());
    for (RunFolder &run : read) {
        const std::string runId = run.info.runId;
        if (run.info.steps.empty()) {
            dataset.runs.erase(runId);
            // The folder could not be read, or holds no step folders.
            Diagnostics why = std::move(run.warnings);
            if (run.readable)
                why.push_back(notARun(folder->pathOf(runId)));
            append(dataset.warnings, why);
            dataset.otherFolders[runId] = {run.folderTime, std::move(why)};
            continue;
        }
        dataset.otherFolders.erase(runId);
        changedRuns.push_back(runId);
        dataset.runs[runId] = std::move(run);
    }

    dataset.fondantLayout = hasCache
        || std::any_of(dataset.runs.begin(), dataset.runs.end(),
            [](const auto &item) { return item.second.hasManifestFile; });

    // Reference files: new ones are read, and those a changed run may have rewritten.
    std::optional<Folder> cache;
    if (hasCache) {
        Result<Folder> opened = folder->openFolder("cache");
        if (opened.ok())
            cache = std::move(opened).value();
        else
            addAsWarnings(opened.takeDiagnostics(), dataset.warnings);
    }
    const std::vector<Folder::Entry> cacheEntries
        = cache ? cache->entries() : std::vector<Folder::Entry> {};
    std::vector<std::string_view> keys;
    std::vector<std::string> unread; // sorted
    for (const Folder::Entry &entry : cacheEntries) {
        const std::string_view key = entry.name.ends_with(".txt")
            ? std::string_view(entry.name).substr(0, entry.name.size() - 4)
            : std::string_view();
        if (!isHexKey(key)) {
            dataset.warnings.push_back(warningAt(cache->pathOf(entry.name),
                "not a cache reference file (KEY.txt, KEY in hexadecimal)"));
            continue;
        }
        // A key's file that cannot be read (not a regular file, say) is tried again each time.
        keys.push_back(key);
        const auto known = dataset.references.find(std::string(key));
        if (known == dataset.references.end() || !known->second.problem.empty())
            unread.emplace_back(key);
    }
    std::sort(keys.begin(), keys.end());
    std::sort(unread.begin(), unread.end());
    const auto hasFile
        = [&](std::string_view key) { return std::binary_search(keys.begin(), keys.end(), key); };
    std::erase_if(dataset.references, [&](const auto &item) { return !hasFile(item.first); });
    if (cache)
        readReferences(*cache, dataset, unread);
    deduceKeys(name, dataset, changedRuns, unread);
    if (changedRuns.empty() || !cache)
        return;
    // A step of a changed run rewrote its key's reference file. Its key is known from the run
    // record or from an output it reused; a step that executed under a key that already had a
    // reference file is found among the files naming the same step.
    std::set<std::string> again;
    std::unordered_map<std::string, std::vector<const std::string *>> keysByStep;
    for (const std::string &runId : changedRuns) {
        for (const StepRun &step : dataset.runs[runId].info.steps) {
            if (step.cacheKey && hasFile(*step.cacheKey)) {
                again.insert(*step.cacheKey);
                continue;
            }
            if (step.executed != true)
                continue;
            if (keysByStep.empty())
                for (const auto &[key, reference] : dataset.references)
                    keysByStep[reference.step].push_back(&key);
            if (auto found = keysByStep.find(step.componentId); found != keysByStep.end())
                for (const std::string *key : found->second)
                    again.insert(*key);
        }
    }
    std::vector<std::string> reread;
    std::set_difference(
        again.begin(), again.end(), unread.begin(), unread.end(), std::back_inserter(reread));
    if (reread.empty())
        return;
    readReferences(*cache, dataset, reread);
    deduceKeys(name, dataset, {}, reread);
}

void RunHistory::readReferences(
    const Folder &cache, DatasetFolder &dataset, const std::vector<std::string> &names)
{
    std::vector<Result<std::string>> contents(names.size(), Result<std::string>(Diagnostics {}));
    onAllCores(names.size(),
        [&](std::size_t i) { contents[i] = cache.read(names[i] + ".txt", maxReferenceBytes); });
    m_lastReadCount += static_cast<int>(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string &key = names[i];
        const std::string name = key + ".txt";
        Result<std::string> &content = contents[i];
        if (!content.ok()) {
            Diagnostics problems = content.takeDiagnostics();
            CacheReference unreadable;
            unreadable.key = key;
            unreadable.problem = problems.empty() ? "unreadable" : problems.front().message;
            dataset.references[key] = std::move(unreadable);
            addAsWarnings(std::move(problems), dataset.warnings);
            continue;
        }
        CacheReference reference;
        reference.key = key;
        reference.target = std::move(content).value();
        if (const std::optional<TargetParts> parts = partsOf(reference.target)) {
            reference.folder = parts->folder;
            reference.run = parts->run;
            reference.step = parts->step;
        } else if (!reference.target.empty()) {
            dataset.warnings.push_back(warningAt(cache.pathOf(name),
                "names no step manifest (…/FOLDER/RUN/STEP/manifest.json): '"
                    + withVisibleControls(reference.target.substr(0, 200)) + "'"));
        }
        dataset.references[key] = std::move(reference);
    }
}

std::vector<RunHistory::RunFolder> RunHistory::readRuns(const Folder &dataset,
    const std::string &datasetFolder,
    const std::vector<std::pair<std::string, std::int64_t>> &runs) const
{
    std::vector<RunFolder> read(runs.size());
    onAllCores(runs.size(), [&](std::size_t i) {
        read[i] = readRun(dataset, datasetFolder, runs[i].first);
        read[i].folderTime = runs[i].second;
    });
    return read;
}

RunHistory::RunFolder RunHistory::readRun(
    const Folder &dataset, const std::string &datasetFolder, const std::string &runId) const
{
    RunFolder run;
    run.info.datasetFolder = datasetFolder;
    run.info.runId = runId;
    Result<Folder> folder = dataset.openFolder(runId);
    if (!folder.ok()) {
        run.readable = false;
        addAsWarnings(folder.takeDiagnostics(), run.warnings);
        return run;
    }
    for (const Folder::Entry &entry : folder->entries()) {
        const std::string path = folder->pathOf(entry.name);
        if (entry.kind == Folder::Kind::Link) {
            run.warnings.push_back(linkNotFollowed(path));
            continue;
        }
        if (entry.kind != Folder::Kind::Folder) {
            if (const std::optional<Folder::Status> status = folder->status(entry.name))
                run.info.outputBytes += status->bytes;
            run.warnings.push_back(warningAt(path, "not a step folder (a stray file)"));
            continue;
        }
        StepRun step;
        step.componentId = entry.name;
        Result<Folder> stepFolder = folder->openFolder(entry.name);
        if (!stepFolder.ok()) {
            run.info.complete = false;
            addAsWarnings(stepFolder.takeDiagnostics(), run.warnings);
            run.info.steps.push_back(std::move(step));
            continue;
        }
        const std::vector<Folder::Entry> files = stepFolder->entries();
        const bool hasManifestFile = std::any_of(files.begin(), files.end(),
            [](const Folder::Entry &file) { return file.name == "manifest.json"; });
        run.hasManifestFile = run.hasManifestFile || hasManifestFile;
        for (const Folder::Entry &file : files) {
            // The data folders of a step that finished; a folder that merely looks like a
            // step is not walked.
            if (file.kind == Folder::Kind::Folder && hasManifestFile) {
                if (Result<Folder> inner = stepFolder->openFolder(file.name); inner.ok())
                    run.info.outputBytes += bytesUnder(inner.value(), 1);
            } else if (file.kind == Folder::Kind::File && file.name != "manifest.json") {
                if (const std::optional<Folder::Status> status = stepFolder->status(file.name))
                    run.info.outputBytes += status->bytes;
            }
        }
        if (!hasManifestFile) {
            run.info.complete = false;
            run.warnings.push_back(warningAt(
                stepFolder->path(), "no manifest.json: the step did not finish in this run"));
            run.info.steps.push_back(std::move(step));
            continue;
        }
        const std::string manifestPath = stepFolder->pathOf("manifest.json");
        Folder::Status manifestStatus;
        Result<std::string> text
            = stepFolder->read("manifest.json", maxManifestBytes, &manifestStatus);
        step.manifestTime = manifestStatus.modified;
        run.info.outputBytes += manifestStatus.bytes;
        Result<Value> root = text.ok() ? JsonReader::parse(text.value(), manifestPath)
                                       : Result<Value>(text.takeDiagnostics());
        Result<Manifest> manifest = root.ok() ? Manifest::fromValue(root.value(), manifestPath)
                                              : Result<Manifest>(root.takeDiagnostics());
        if (!manifest.ok()) {
            run.info.complete = false;
            addAsWarnings(manifest.takeDiagnostics(), run.warnings,
                " (the step's outcome in this run is unknown)");
            run.info.steps.push_back(std::move(step));
            continue;
        }
        step.hasManifest = true;
        step.fields = manifest.value().fields();
        if (const std::optional<std::string> from = manifest.value().runId()) {
            step.fromRun = *from;
            step.executed = *from == runId;
            // Neither a component id nor a run id holds a slash.
            step.output = step.componentId + '/' + *from;
        }
        run.info.steps.push_back(std::move(step));
    }
    std::stable_sort(run.info.steps.begin(), run.info.steps.end(),
        [](const StepRun &a, const StepRun &b) { return a.manifestTime < b.manifestTime; });
    run.info.indexSteps();
    run.info.time = timeOfRunId(runId);
    if (run.info.time == 0)
        for (const StepRun &step : run.info.steps)
            run.info.time = std::max(run.info.time, step.manifestTime);
    return run;
}

void RunHistory::readRecords()
{
    // Absent until the studio exports a run here; present, it must be readable.
    const bool present
        = QFileInfo(m_recordsFolder).exists() || QFileInfo(m_recordsFolder).isSymLink();
    Result<Folder> folder
        = present ? Folder::open(m_recordsFolder.toStdString()) : Result<Folder>(Diagnostics {});
    if (!folder.ok()) {
        addAsWarnings(folder.takeDiagnostics(), m_rootWarnings, " (the run records are not read)");
        m_recordsChanged = !m_records.empty();
        m_records.clear();
        return;
    }
    std::set<std::string> recorded;
    for (const Folder::Entry &entry : folder->entries()) {
        if (!entry.name.ends_with(".json"))
            continue;
        const std::string path = folder->pathOf(entry.name);
        if (entry.kind != Folder::Kind::File) {
            m_rootWarnings.push_back(warningAt(path, "not a run record: not a regular file"));
            continue;
        }
        const std::string runId = entry.name.substr(0, entry.name.size() - 5);
        recorded.insert(runId);
        if (m_records.contains(runId))
            continue;
        Result<RunRecord> record = RunRecord::read(QString::fromStdString(path));
        ++m_lastReadCount;
        if (!record.ok()) {
            addAsWarnings(record.takeDiagnostics(), m_rootWarnings);
            continue;
        }
        if (record.value().runId != runId) {
            m_rootWarnings.push_back(warningAt(path,
                "the record is of run '" + withVisibleControls(record.value().runId)
                    + "', not of the run its file name gives"));
            continue;
        }
        m_records.emplace(runId, std::move(record).value());
        m_recordsChanged = true;
    }
    m_recordsChanged
        = std::erase_if(m_records, [&](const auto &item) { return !recorded.contains(item.first); })
            > 0
        || m_recordsChanged;
}

void RunHistory::deduceKeys(const std::string &folderName, DatasetFolder &dataset,
    const std::vector<std::string> &changedRuns, const std::vector<std::string> &readKeys) const
{
    // An output is computed once under one key, so every run that reused it shares that key.
    // What was learned stays true: only new runs, records and reference files teach more.
    const auto learn = [&](const StepRun &step, const std::string &key) {
        if (!step.output.empty())
            dataset.keyOfOutput.try_emplace(step.output, key);
    };
    const auto attachRecord = [&](const std::string &runId, RunFolder &run) {
        const auto record = m_records.find(runId);
        run.info.record = record == m_records.end() ? nullptr : &record->second;
        if (!run.info.record) {
            // A record let go of takes what only it told along.
            std::erase_if(run.info.steps, [](const StepRun &step) { return !step.hasFolder; });
            for (StepRun &step : run.info.steps) {
                step.recorded = nullptr;
                step.writes = false;
            }
            run.info.indexSteps();
            return;
        }
        // The record knows every step's key, its order, and the write steps that leave no
        // folder.
        std::vector<std::optional<StepRun>> found(run.info.steps.begin(), run.info.steps.end());
        std::vector<StepRun> ordered;
        ordered.reserve(found.size());
        for (const RunRecord::Step &recorded : run.info.record->steps) {
            StepRun step;
            if (const StepRun *known = run.info.step(recorded.componentId)) {
                std::optional<StepRun> &slot
                    = found[static_cast<std::size_t>(known - run.info.steps.data())];
                if (slot) {
                    step = std::move(*slot);
                    slot.reset();
                }
            }
            if (step.componentId.empty()) {
                step.componentId = recorded.componentId;
                step.hasFolder = false;
            }
            step.recorded = &recorded;
            step.writes = recorded.writes;
            if (recorded.cacheKey) {
                step.cacheKey = recorded.cacheKey;
                learn(step, *recorded.cacheKey);
            }
            ordered.push_back(std::move(step));
        }
        for (std::optional<StepRun> &rest : found)
            if (rest)
                ordered.push_back(std::move(*rest));
        run.info.steps = std::move(ordered);
        run.info.indexSteps();
    };
    if (m_recordsChanged) {
        for (auto &[runId, run] : dataset.runs)
            attachRecord(runId, run);
    } else {
        for (const std::string &runId : changedRuns)
            if (auto run = dataset.runs.find(runId); run != dataset.runs.end())
                attachRecord(runId, run->second);
    }
    for (const std::string &key : readKeys) {
        const auto reference = dataset.references.find(key);
        if (reference == dataset.references.end() || reference->second.folder != folderName)
            continue;
        const auto run = dataset.runs.find(reference->second.run);
        if (run == dataset.runs.end())
            continue;
        if (const StepRun *step = run->second.info.step(reference->second.step))
            learn(*step, key);
    }
    for (auto &[runId, run] : dataset.runs)
        for (StepRun &step : run.info.steps)
            if (!step.cacheKey && !step.output.empty())
                if (auto known = dataset.keyOfOutput.find(step.output);
                    known != dataset.keyOfOutput.end())
                    step.cacheKey = known->second;
}

void RunHistory::collectWarnings()
{
    m_warnings = m_rootWarnings;
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
    for (const auto &[runId, run] : m_recordedOnly)
        all.push_back(&run);
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
    const auto recorded = m_recordedOnly.find(runId);
    return recorded == m_recordedOnly.end() ? nullptr : &recorded->second;
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
    const RunInfo *info = reference.run.empty() ? nullptr : run(reference.run);
    return info && info->datasetFolder == reference.folder ? info->step(reference.step) : nullptr;
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
