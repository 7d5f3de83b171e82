// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "GeneratedProject.h"

#include "core/history/RunRecord.h"
#include "core/session/PipelineSession.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTimeZone>

#include <string>

namespace fondant::bench {

namespace {

std::string componentSpec(int i)
{
    const std::string n = std::to_string(i);
    const std::string produces = i == 0
        ? "produces:\n  text:\n    type: string\n  score:\n    type: float32\n"
        : "produces:\n  f" + n + ":\n    type: int32\n";
    const std::string consumes = i == 0 ? "" : "consumes:\n  text:\n    type: string\n";
    return "name: Component " + n + "\ndescription: Step " + n
        + " of a generated pipeline\nimage: registry.example.com/c" + n + ":1."
        + std::to_string(i % 7) + "\ntags: [Generated]\n" + consumes + produces
        + "args:\n  threshold:\n    type: float\n    default: 0.5\n"
          "  label:\n    type: str\n    default: none\n";
}

std::string pipelineText(int steps)
{
    std::string text = "version: 1\nname: generated-" + std::to_string(steps)
        + "\ncomponent_dirs: [./components]\nsteps:\n";
    for (int i = 0; i < steps; ++i) {
        const std::string n = std::to_string(i);
        text += "  - id: c" + n + "\n    component: c" + n + "\n";
        if (i > 0)
            text += "    input: c" + std::to_string(i % 10 == 0 && i >= 2 ? i - 2 : i - 1) + "\n";
        // The threshold as Python writes i / 1000.
        std::string threshold
            = std::to_string(i / 1000) + "." + std::to_string(i % 1000 + 1000).substr(1);
        while (threshold.back() == '0' && threshold[threshold.size() - 2] != '.')
            threshold.pop_back();
        text += "    arguments: {threshold: " + threshold + ", label: step-" + n + "}\n";
    }
    return text;
}

bool writeFile(const QString &path, const std::string &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly)
        && file.write(text.data(), static_cast<qint64>(text.size()))
        == static_cast<qint64>(text.size());
}

} // namespace

QString writeGeneratedProject(int steps, const QString &folder)
{
    const QDir root(folder);
    for (int i = 0; i < steps; ++i) {
        const QString component = QStringLiteral("components/c%1").arg(i);
        if (!root.mkpath(component)
            || !writeFile(root.filePath(component + QStringLiteral("/fondant_component.yaml")),
                componentSpec(i)))
            return {};
    }
    const QString pipeline = root.filePath(QStringLiteral("pipeline.yaml"));
    return writeFile(pipeline, pipelineText(steps)) ? pipeline : QString();
}

void writeTextFile(const QString &path, const std::string &text)
{
    QDir().mkpath(path.section(QLatin1Char('/'), 0, -2));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text.data(), static_cast<qint64>(text.size()));
}

std::string generatedRunId(int run)
{
    const QDateTime time = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc())
                               .addSecs(static_cast<qint64>(run) * 60);
    return "bench-" + time.toString(QStringLiteral("yyyyMMddHHmmss")).toStdString();
}

GeneratedWorkingDirectory::GeneratedWorkingDirectory(QString folder, std::size_t steps, int runs)
    : m_folder(std::move(folder)), m_versions(steps, 0), m_computedBy(steps, 0)
{
    for (int run = 0; run < runs; ++run)
        addRun();
}

void GeneratedWorkingDirectory::addRun()
{
    const int run = m_runs++;
    const int steps = static_cast<int>(m_versions.size());
    const int changed = run == 0 ? 0 : (run * 7) % steps;
    const std::string runId = generatedRunId(run);
    for (int step = 0; step < steps; ++step) {
        if (step >= changed) {
            ++m_versions[static_cast<std::size_t>(step)];
            m_computedBy[static_cast<std::size_t>(step)] = run;
        }
        const std::string id = "s" + std::to_string(step);
        const std::string from = generatedRunId(m_computedBy[static_cast<std::size_t>(step)]);
        const std::string folder = "/wd/bench/" + runId + "/" + id;
        const std::string dataFolder = "/wd/bench/" + from + "/" + id;
        const QString local
            = QDir(m_folder).filePath(QString::fromStdString("bench/" + runId + "/" + id));
        writeTextFile(local + QStringLiteral("/manifest.json"),
            "{\"metadata\": {\"dataset_name\": \"bench\", \"run_id\": \"" + from
                + "\", \"component_id\": \"" + id + "\", \"cache_key\": \"" + keyOf(0)
                + "\", \"manifest_location\": \"" + folder
                + "/manifest.json\"}, \"index\": {\"location\": \"" + dataFolder
                + "\"}, \"fields\": {\"text\": {\"location\": \"/wd/bench/" + from
                + "/s0\", \"type\": \"string\"}, \"f" + std::to_string(step)
                + "\": {\"location\": \"" + dataFolder + "\", \"type\": \"int32\"}}}");
        if (step >= changed)
            writeTextFile(local + QStringLiteral("/part.0.parquet"), std::string(512, 'p'));
        writeTextFile(
            QDir(m_folder).filePath(QString::fromStdString("bench/cache/" + keyOf(step) + ".txt")),
            folder + "/manifest.json");
    }
}

std::string GeneratedWorkingDirectory::keyOf(int step) const
{
    const std::string seed
        = std::to_string(step) + "/" + std::to_string(m_versions[static_cast<std::size_t>(step)]);
    return QCryptographicHash::hash(QByteArray::fromStdString(seed), QCryptographicHash::Md5)
        .toHex()
        .toStdString();
}

void writeRecordedRun(const PipelineSession &session, const QString &workingDirectory)
{
    const RunRecord record = RunRecord::of(session, generatedRunId(0), "/wd");
    const QDir folder(workingDirectory);
    for (const RunRecord::Step &step : record.steps) {
        const std::string run = record.datasetFolder + "/" + record.runId + "/" + step.componentId;
        writeTextFile(folder.filePath(QString::fromStdString(run + "/manifest.json")),
            "{\"metadata\": {\"dataset_name\": \"" + record.datasetFolder + "\", \"run_id\": \""
                + record.runId + "\"}, \"index\": {\"location\": \"/wd/" + run
                + "\"}, \"fields\": {}}");
        writeTextFile(folder.filePath(QString::fromStdString(
                          record.datasetFolder + "/cache/" + step.cacheKey.value() + ".txt")),
            "/wd/" + run + "/manifest.json");
    }
    if (record.write(RunRecord::location(workingDirectory, record.runId, {})))
        qFatal("cannot write the run record");
}

} // namespace fondant::bench
