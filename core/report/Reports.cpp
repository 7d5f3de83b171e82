// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/report/Reports.h"

#include "core/history/CacheStatus.h"
#include "core/history/KeyExplain.h"
#include "core/history/RunHistory.h"
#include "core/session/PipelineSession.h"

#include <QDateTime>
#include <QTimeZone>

namespace fondant {

namespace {

Value textOrNull(const std::string &text)
{
    return text.empty() ? Value() : Value(text);
}

// A value that may be unknown: itself, or null.
template<typename T>
Value valueOrNull(const std::optional<T> &value)
{
    return value ? Value(*value) : Value();
}

// {"replace": "key" or "value", "with": "min_width"}: what a one-click fix changes.
Value fixValue(const Fix &fix)
{
    Value value = Value::object();
    value.set("replace", fix.part == Fix::Part::KeyName ? "key" : "value");
    value.set("with", fix.replacement);
    return value;
}

} // namespace

Value Reports::diagnostic(const Diagnostic &d)
{
    Value value = Value::object();
    value.set("severity", severityName(d.severity));
    value.set("file", d.file);
    value.set("line", d.mark.isValid() ? Value(d.mark.line) : Value());
    value.set("column", d.mark.isValid() ? Value(d.mark.column) : Value());
    value.set("message", d.message);
    value.set("step", textOrNull(d.stepId));
    value.set("field", textOrNull(d.fieldPath));
    value.set("fix", d.fix ? fixValue(*d.fix) : Value());
    return value;
}

Value Reports::diagnostics(const Diagnostics &diagnostics)
{
    Value list = Value::array();
    for (const Diagnostic &d : diagnostics)
        list.append(diagnostic(d));
    return list;
}

Value Reports::validation(const PipelineSession &session)
{
    Value report = Value::object();
    report.set("pipeline", session.pipeline().name);
    report.set("valid", !session.hasErrors());
    report.set("diagnostics", diagnostics(session.diagnostics()));
    return report;
}

Value Reports::keyDetails(const CacheKey &key, bool preimages)
{
    Value value = Value::object();
    value.set("arguments_hash", key.argumentsHash);
    value.set("operation_spec_hash", key.operationSpecHash);
    value.set("image_hash", key.imageHash);
    value.set("previous_key", valueOrNull(key.inputs.previousKey));
    if (preimages) {
        value.set("arguments_text", key.argumentsText);
        value.set("operation_spec_text", key.operationSpecText);
        value.set("image_text", key.imageText);
        value.set("final_text", key.finalText);
    }
    return value;
}

Value Reports::keys(const PipelineSession &session, bool preimages)
{
    const Pipeline &pipeline = session.pipeline();
    const PipelineAnalysis &analysis = session.analysis();
    Value steps = Value::array();
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        const Step &step = pipeline.steps[i];
        const StepAnalysis &stepAnalysis = analysis.steps[i];
        const CacheKey *key = session.key(static_cast<int>(i));
        Value entry = Value::object();
        entry.set("id", step.id);
        entry.set("component", step.component);
        entry.set("cache_key", key ? Value(key->key) : Value());
        entry.set("cache", stepAnalysis.cacheEnabled);
        entry.set("cache_disabled_reason", textOrNull(stepAnalysis.cacheDisabledReason));
        if (key)
            entry.set("preimage", keyDetails(*key, preimages));
        steps.append(std::move(entry));
    }
    Value report = Value::object();
    report.set("pipeline", pipeline.name);
    report.set("steps", std::move(steps));
    report.set("diagnostics", diagnostics(session.diagnostics()));
    return report;
}

Value Reports::unreadable(const Diagnostics &problems)
{
    Value report = Value::object();
    report.set("pipeline", Value());
    report.set("valid", false);
    report.set("steps", Value::array());
    report.set("diagnostics", diagnostics(problems));
    return report;
}

Value Reports::run(const RunInfo &run)
{
    Value value = Value::object();
    value.set("name", run.name());
    value.set("run_id", run.runId);
    value.set("dataset_folder", run.datasetFolder);
    value.set("time",
        run.time ? Value(QDateTime::fromMSecsSinceEpoch(run.time, QTimeZone::utc())
                             .toString(Qt::ISODate)
                             .toStdString())
                 : Value());
    value.set("output_bytes", static_cast<std::int64_t>(run.outputBytes));
    value.set("complete", run.complete);
    value.set("only_recorded", run.onlyRecorded);
    value.set("recorded", run.record != nullptr);
    Value steps = Value::array();
    for (const StepRun &step : run.steps) {
        Value item = Value::object();
        item.set("id", run.stepId(step));
        item.set("component_id", step.componentId);
        item.set("executed", valueOrNull(step.executed));
        item.set("from_run", valueOrNull(step.fromRun));
        item.set("cache_key", valueOrNull(step.cacheKey));
        item.set("writes", step.writes);
        item.set("has_manifest", step.hasManifest);
        steps.append(std::move(item));
    }
    value.set("steps", std::move(steps));
    return value;
}

Value Reports::runs(const RunHistory &history, const std::string &name)
{
    Value document = Value::object();
    document.set("working_directory", history.workingDirectory().toStdString());
    Value runs = Value::array();
    for (const RunInfo *info : history.runs())
        if (name.empty() || info->name() == name)
            runs.append(run(*info));
    document.set("runs", std::move(runs));
    document.set("diagnostics", diagnostics(history.warnings()));
    return document;
}

Value Reports::status(const PipelineSession &session, const RunHistory &history,
    const std::string &datasetFolder, const std::vector<StepStatus> &statuses)
{
    Value document = Value::object();
    document.set("pipeline", session.pipeline().name);
    document.set("working_directory", history.workingDirectory().toStdString());
    document.set("dataset_folder", datasetFolder);
    Value steps = Value::array();
    int cached = 0;
    for (const StepStatus &status : statuses) {
        Value step = Value::object();
        step.set("id", status.stepId);
        step.set("component_id", status.componentId);
        step.set("cache_key", valueOrNull(status.cacheKey));
        step.set("status",
            status.decision ? Value(StepStatus::decisionName(*status.decision)) : Value());
        step.set("cached_from_run", valueOrNull(status.cachedFromRun));
        step.set("reason", status.reason ? Value(StepStatus::reasonName(*status.reason)) : Value());
        step.set("root_cause", valueOrNull(status.rootCause));
        step.set("through_key_chain", status.throughKeyChain);
        steps.append(std::move(step));
        cached += status.decision == StepStatus::Decision::Hit;
    }
    document.set("steps", std::move(steps));
    document.set("cached", cached);
    Diagnostics problems = session.diagnostics();
    problems.insert(problems.end(), history.warnings().begin(), history.warnings().end());
    document.set("diagnostics", diagnostics(problems));
    return document;
}

Value Reports::explanation(const PipelineSession &session, const std::string &against,
    const std::vector<StepExplanation> &steps, const Diagnostics &problems)
{
    Value document = Value::object();
    document.set("pipeline", session.pipeline().name);
    document.set("against", against);
    Value list = Value::array();
    for (const StepExplanation &step : steps) {
        Value item = Value::object();
        item.set("id", step.stepId);
        item.set("old_key", valueOrNull(step.oldKey));
        item.set("new_key", valueOrNull(step.newKey));
        item.set("changed", valueOrNull(step.changed));
        item.set("root_cause", valueOrNull(step.rootCause));
        item.set("caused_by", valueOrNull(step.causedBy));
        Value changes = Value::array();
        for (const KeyChange &change : step.changes) {
            Value entry = Value::object();
            entry.set("path", change.path);
            entry.set("old", change.before.value_or(Value()));
            entry.set("new", change.now.value_or(Value()));
            entry.set("change", !change.before ? "added" : !change.now ? "removed" : "changed");
            changes.append(std::move(entry));
        }
        item.set("changes", std::move(changes));
        item.set("note", step.note.empty() ? Value() : Value(step.note));
        list.append(std::move(item));
    }
    document.set("steps", std::move(list));
    document.set("diagnostics", diagnostics(problems));
    return document;
}

} // namespace fondant
