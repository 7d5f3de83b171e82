// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/history/RunRecord.h"
#include "core/spec/FieldType.h"
#include "core/util/Result.h"

#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace fondant {

class Folder;

/// One step's output in one run, as the working directory shows it.
struct StepRun
{
    std::string componentId; ///< the step's folder name (Fondant's component id)
    /// Whether the step executed in this run; false when it reused an earlier output; unknown
    /// for a write step (no manifest) and for a manifest that cannot be read.
    std::optional<bool> executed;
    /// The run that computed the output: the run id inside the manifest (Fondant copies a
    /// reused manifest unchanged).
    std::optional<std::string> fromRun;
    /// The step's cache key in this run, where the run record, a reference file or an output
    /// shared with another run tells it.
    std::optional<std::string> cacheKey;
    /// "STEP/RUN": the output this step holds, the same in every run that reused it.
    std::string output;
    bool writes = false; ///< a write step, known from the run record
    const RunRecord::Step *recorded = nullptr; ///< the step in the run's record, if any
    bool hasFolder = true; ///< false for a step known only from the run's record
    bool hasManifest = false;
    FieldList fields; ///< the dataset fields in the manifest
    std::int64_t manifestTime = 0; ///< modification time, ms since the epoch (0: none)
};

/// One run of a dataset: a run folder of a working directory.
struct RunInfo
{
    std::string datasetFolder; ///< the folder under the working directory (KFP: "dataset")
    std::string runId;
    std::vector<StepRun> steps; ///< in the record's order, else by the time they were written
    std::int64_t outputBytes = 0; ///< everything under the run folder
    std::int64_t time = 0; ///< ms since the epoch: from the run id, else the newest manifest
    const RunRecord *record = nullptr; ///< the studio's record of the run, if it has one
    bool complete = true; ///< false when a step folder holds no readable manifest
    /// Known from its record alone: exported, with no run folder (not run here yet, or its
    /// folder was removed).
    bool onlyRecorded = false;

    const StepRun *step(const std::string &componentId) const;
    /// Makes step() find the steps as they are now; after any change to steps.
    void indexSteps();
    /// The dataset's name: the record's pipeline, else the run id without its time.
    std::string name() const;
    /// The id the document gives a step (from the record), else its component id.
    std::string stepId(const StepRun &step) const;

private:
    std::unordered_map<std::string, std::size_t> m_stepIndex; ///< positions in steps by id
};

/// A cache reference file: a key and the output manifest it names ("" for a write step).
struct CacheReference
{
    std::string key;
    std::string target; ///< as the containers wrote it
    /// The dataset folder, run and step of the manifest the target names (empty when it names
    /// none, as for a write step).
    std::string folder;
    std::string run;
    std::string step;
    /// Why the file cannot be read ("" when it was read): the executor fails on it.
    std::string problem;
};

/// The runs Fondant 0.12.1 left in a local working directory: run folders and their manifests,
/// cache reference files and the studio's run records, read without writing anything. Problems
/// in the directory (corrupt manifests, stray files, links, unreadable folders) are warnings.
/// refresh() re-reads only runs and reference files that changed.
class RunHistory
{
public:
    /// Reads a working directory; fails only when it is not a readable local folder. A remote
    /// one (gs://, s3://, …) cannot be read here: given the user's data folder, its history is
    /// the runs the studio exported to it, as their records tell.
    static Result<RunHistory> open(const QString &workingDirectory, const QString &dataFolder = {});

    /// Brings the index up to date: new and changed runs are read, removed ones dropped, new
    /// reference files read, and those a new run may have rewritten read again.
    void refresh();

    const QString &workingDirectory() const { return m_workingDirectory; }
    /// A remote working directory: only the runs the studio exported there are known.
    bool isRemote() const { return m_remote; }
    /// Every run, newest first.
    std::vector<const RunInfo *> runs() const;
    /// Runs of one dataset folder, newest first.
    std::vector<const RunInfo *> runsOf(const std::string &datasetFolder) const;
    const RunInfo *run(const std::string &runId) const;
    std::vector<std::string> datasetFolders() const;
    /// The reference file of a key in a dataset folder, if there is one.
    const CacheReference *reference(const std::string &datasetFolder, const std::string &key) const;
    /// The step output a reference file names, when its run folder holds it.
    const StepRun *output(const CacheReference &reference) const;
    /// The local path of a manifest a reference file names (the containers may have seen the
    /// working directory under another path): WD/FOLDER/RUN/STEP/manifest.json.
    QString localManifestPath(const std::string &target) const;
    /// Problems found in the directory, each naming its file.
    const Diagnostics &warnings() const { return m_warnings; }
    /// How many run folders and reference files the last refresh read (for tests of
    /// incremental refresh).
    int lastReadCount() const { return m_lastReadCount; }

private:
    struct RunFolder
    {
        RunInfo info;
        std::int64_t folderTime = 0;
        Diagnostics warnings;
        bool hasManifestFile = false; ///< a step folder holds a manifest.json, read or not
        bool readable = true; ///< the folder could be opened
    };
    struct DatasetFolder
    {
        std::map<std::string, RunFolder> runs; ///< by run id
        std::unordered_map<std::string, CacheReference> references; ///< by key
        struct OtherFolder
        {
            std::int64_t time = 0;
            Diagnostics warnings; ///< why it is no run
        };
        std::map<std::string, OtherFolder> otherFolders; ///< folders that are no runs
        /// The key each output was computed under, by StepRun::output.
        std::unordered_map<std::string, std::string> keyOfOutput;
        Diagnostics warnings; ///< stray entries
        /// It has Fondant's layout: a cache folder, or a run with a step manifest.
        bool fondantLayout = false;
    };

    RunHistory(QString workingDirectory, QString recordsFolder, bool remote);
    void refreshDataset(const Folder &root, const std::string &name, DatasetFolder &dataset);
    /// Reads run folders (name and modification time each), on several threads.
    std::vector<RunFolder> readRuns(const Folder &dataset, const std::string &datasetFolder,
        const std::vector<std::pair<std::string, std::int64_t>> &runs) const;
    RunFolder readRun(
        const Folder &dataset, const std::string &datasetFolder, const std::string &runId) const;
    void readReferences(
        const Folder &cache, DatasetFolder &dataset, const std::vector<std::string> &names);
    void readRecords();
    /// Brings the steps' keys up to date from what the changed runs, the reference files just
    /// read and the records teach.
    void deduceKeys(const std::string &folderName, DatasetFolder &dataset,
        const std::vector<std::string> &changedRuns,
        const std::vector<std::string> &readKeys) const;
    void collectWarnings();
    /// Runs of records without a run folder, as far as their records tell.
    void addRecordedOnlyRuns();

    QString m_workingDirectory;
    QString m_recordsFolder; ///< where the studio keeps the records of runs here
    bool m_remote = false;
    std::map<std::string, DatasetFolder> m_datasets;
    std::map<std::string, RunRecord> m_records; ///< by run id
    std::map<std::string, RunInfo> m_recordedOnly; ///< by run id
    Diagnostics m_rootWarnings; ///< of the working directory's own entries and the records
    bool m_recordsChanged = false; ///< records were added or removed by this refresh
    Diagnostics m_warnings;
    int m_lastReadCount = 0;
};

} // namespace fondant
