// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/history/KeyExplain.h"

#include "core/history/RunHistory.h"
#include "core/session/PipelineSession.h"
#include "core/value/JsonReader.h"
#include "core/value/PyJson.h"

#include <set>

namespace fondant {

namespace {

// The four texts Fondant hashed for a key, where they are kept (not copied: an operation
// spec's text is long, and every step of a long pipeline is compared on every edit).
struct Texts
{
    const std::string &arguments;
    const std::string &operationSpec;
    const std::string &image;
    const std::string &final;
};

Texts textsOf(const CacheKey &key)
{
    return {key.argumentsText, key.operationSpecText, key.imageText, key.finalText};
}

Texts textsOf(const RunRecord::Preimages &preimages)
{
    return {preimages.arguments, preimages.operationSpec, preimages.image, preimages.final};
}

Value parsed(const std::string &text)
{
    Result<Value> value = JsonReader::parse(text, "pre-image");
    return value.ok() ? value.value() : Value::object();
}

bool same(const Value *a, const Value *b)
{
    if (!a || !b)
        return a == b;
    return PyJson::dumps(*a, PyJson::KeyOrder::Sorted)
        == PyJson::dumps(*b, PyJson::KeyOrder::Sorted);
}

std::optional<Value> optional(const Value *value)
{
    return value ? std::optional<Value>(*value) : std::nullopt;
}

// Every leaf that differs between two objects, as dotted paths under prefix; lists and scalars
// are compared whole.
void diffObjects(const Value &before, const Value &now, const std::string &prefix,
    std::vector<KeyChange> &changes)
{
    std::vector<std::string> keys;
    std::set<std::string> seen;
    for (const Value *side : {&before, &now})
        if (side->isObject())
            for (const Member &member : side->members())
                if (seen.insert(member.key).second)
                    keys.push_back(member.key);
    for (const std::string &key : keys) {
        const Value *a = before.isObject() ? before.find(key) : nullptr;
        const Value *b = now.isObject() ? now.find(key) : nullptr;
        const std::string path = prefix.empty() ? key : prefix + "." + key;
        if (a && b && a->isObject() && b->isObject())
            diffObjects(*a, *b, path, changes);
        else if (!same(a, b))
            changes.push_back({path, optional(a), optional(b)});
    }
}

void addIfChanged(const Value &before, const Value &now, const char *key, const std::string &path,
    std::vector<KeyChange> &changes)
{
    const Value *a = before.find(key);
    const Value *b = now.find(key);
    if (!same(a, b))
        changes.push_back({path, optional(a), optional(b)});
}

// Marks root causes and cascades in call order: a changed key whose own ingredients did not
// change is a cascade from the nearest changed step before it.
void attributeCauses(std::vector<StepExplanation> &steps)
{
    std::optional<std::string> lastCause;
    for (StepExplanation &step : steps) {
        if (step.changed != true)
            continue;
        if (step.rootCause == false)
            step.causedBy = lastCause;
        if (step.rootCause == true)
            lastCause = step.stepId;
    }
}

std::vector<KeyChange> diffTexts(const Texts &before, const Texts &now)
{
    // Equal texts hold equal values: only the texts that differ are read (a long chain of
    // steps changed only upstream differs in its final text alone).
    std::vector<KeyChange> changes;
    if (before.arguments != now.arguments) {
        const Value argumentsBefore = parsed(before.arguments);
        const Value argumentsNow = parsed(now.arguments);
        // The arguments dict holds the user's arguments plus three entries Fondant adds.
        Value userBefore = argumentsBefore;
        Value userNow = argumentsNow;
        for (const char *added : {"input_partition_rows", "cache", "operation_spec"}) {
            userBefore.remove(added);
            userNow.remove(added);
        }
        diffObjects(userBefore, userNow, "arguments", changes);
        addIfChanged(
            argumentsBefore, argumentsNow, "input_partition_rows", "input_partition_rows", changes);
        addIfChanged(argumentsBefore, argumentsNow, "cache", "cache", changes);
    }
    if (before.image != now.image) {
        const Value imageBefore = parsed(before.image);
        const Value imageNow = parsed(now.image);
        addIfChanged(imageBefore, imageNow, "base_image", "image", changes);
        addIfChanged(imageBefore, imageNow, "extra_requires", "image.extra_requires", changes);
        addIfChanged(imageBefore, imageNow, "script", "image.script", changes);
    }
    if (before.operationSpec != now.operationSpec) {
        // The component spec (its image is reported above) and the mappings.
        Value operationBefore = parsed(before.operationSpec);
        Value operationNow = parsed(now.operationSpec);
        for (Value *operation : {&operationBefore, &operationNow})
            if (Value *specification = operation->find("specification"))
                specification->remove("image");
        std::vector<KeyChange> operationChanges;
        diffObjects(operationBefore, operationNow, "", operationChanges);
        for (KeyChange &change : operationChanges) {
            if (change.path.starts_with("specification"))
                change.path = "spec" + change.path.substr(std::string("specification").size());
            changes.push_back(std::move(change));
        }
    }
    if (before.final != now.final) {
        const Value finalBefore = parsed(before.final);
        const Value finalNow = parsed(now.final);
        addIfChanged(finalBefore, finalNow, "number_of_accelerators",
            "resources.accelerator_number", changes);
        addIfChanged(
            finalBefore, finalNow, "accelerator_name", "resources.accelerator_name", changes);
        addIfChanged(finalBefore, finalNow, "node_pool_name", "resources.node_pool_name", changes);
        addIfChanged(finalBefore, finalNow, "previous_component_cache", "upstream", changes);
    }
    return changes;
}

} // namespace

std::vector<KeyChange> KeyExplain::diff(
    const RunRecord::Preimages &before, const RunRecord::Preimages &now)
{
    return diffTexts(textsOf(before), textsOf(now));
}

namespace {

// Fills in a step's comparison from both sides' texts.
void compare(StepExplanation &step, const Texts &before, const Texts &now)
{
    step.changes = diffTexts(before, now);
    step.changed = step.oldKey != step.newKey;
    step.rootCause = std::any_of(step.changes.begin(), step.changes.end(),
        [](const KeyChange &change) { return change.path != "upstream"; });
}

StepExplanation explanationOf(const PipelineSession &session, std::size_t index,
    const std::vector<PipelineAnalysis::ComponentName> &names)
{
    StepExplanation step;
    step.stepId = session.pipeline().steps[index].id;
    const StepAnalysis &analysis = session.analysis().steps[index];
    step.componentId = analysis.spec ? names[index].id : step.stepId;
    if (const CacheKey *key = session.key(static_cast<int>(index)))
        step.newKey = key->key;
    return step;
}

} // namespace

std::vector<StepExplanation> KeyExplain::againstRun(const PipelineSession &now, const RunInfo &run)
{
    std::vector<StepExplanation> steps;
    const auto names = now.analysis().componentNames();
    std::optional<bool> previousChanged = false; // the first step chains on nothing
    for (std::size_t i = 0; i < now.pipeline().steps.size(); ++i) {
        StepExplanation step = explanationOf(now, i, names);
        const CacheKey *key = now.key(static_cast<int>(i));
        const StepRun *output = run.step(step.componentId);
        const RunRecord::Step *recorded = output ? output->recorded : nullptr;
        if (!recorded && !output && run.record) {
            step.changed = true;
            step.rootCause = true;
            step.note = "it was not part of run " + run.runId;
        } else if (!recorded && !output) {
            step.note = "run " + run.runId
                + " has no record and no manifest of this step (a write step keeps none, and "
                  "a step added since has none)";
        } else if (recorded && recorded->preimages && key) {
            step.oldKey = recorded->cacheKey;
            compare(step, textsOf(*recorded->preimages), textsOf(*key));
        } else {
            step.oldKey = recorded ? recorded->cacheKey : output->cacheKey;
            if (step.oldKey && step.newKey)
                step.changed = *step.oldKey != *step.newKey;
            // A new key chained on an unchanged one can only come from the step itself.
            if (step.changed == true && previousChanged == false)
                step.rootCause = true;
            step.note = "run " + run.runId + " has no record of the ingredients: "
                + (step.oldKey ? "only the keys are compared"
                               : "its key for this step is not known either");
            if (output && output->hasManifest && step.changed == true)
                step.note += "; the fields in its manifest are " + fieldNames(output->fields);
        }
        previousChanged = step.changed;
        steps.push_back(std::move(step));
    }
    attributeCauses(steps);
    return steps;
}

std::vector<StepExplanation> KeyExplain::againstDocument(
    const PipelineSession &now, const PipelineSession &before)
{
    std::vector<StepExplanation> steps;
    const auto names = now.analysis().componentNames();
    for (std::size_t i = 0; i < now.pipeline().steps.size(); ++i) {
        StepExplanation step = explanationOf(now, i, names);
        const int old = before.analysis().graph.indexOf(step.stepId);
        const CacheKey *oldKey = old >= 0 ? before.key(old) : nullptr;
        const CacheKey *newKey = now.key(static_cast<int>(i));
        if (old < 0) {
            step.changed = true;
            step.rootCause = true;
            step.note = "the other version has no step " + step.stepId;
        } else if (!oldKey || !newKey) {
            step.oldKey = oldKey ? std::optional<std::string>(oldKey->key) : std::nullopt;
            step.note = "a key cannot be computed (the step has errors)";
        } else {
            step.oldKey = oldKey->key;
            compare(step, textsOf(*oldKey), textsOf(*newKey));
        }
        steps.push_back(std::move(step));
    }
    attributeCauses(steps);
    return steps;
}

std::string KeyExplain::valueText(const std::optional<Value> &value)
{
    if (!value)
        return "(absent)";
    std::string text = PyJson::dumps(*value, PyJson::KeyOrder::Sorted, PyJson::Ascii::Keep);
    if (text.size() > 60)
        text = text.substr(0, 57) + "...";
    return withVisibleControls(text);
}

std::string KeyExplain::changeList(const StepExplanation &step)
{
    std::string text;
    for (const KeyChange &change : step.changes) {
        if (change.path == "upstream" && step.changes.size() > 1)
            continue;
        if (!text.empty())
            text += ", ";
        text += withVisibleControls(change.path) + " " + valueText(change.before) + " → "
            + valueText(change.now);
    }
    return text;
}

std::string KeyExplain::sentence(const StepExplanation &step)
{
    const std::string key = step.newKey ? " (" + step.newKey->substr(0, 8) + ")" : "";
    if (step.changed == false)
        return "unchanged" + key;
    if (step.changed != true)
        return "cannot be compared: " + withVisibleControls(step.note);
    if (step.rootCause == false)
        return "changed because "
            + (step.causedBy ? withVisibleControls(*step.causedBy) : std::string("an earlier step"))
            + " changed (cascade)";
    std::string text = "changed";
    if (!step.changes.empty())
        text += ": " + changeList(step);
    else if (!step.note.empty())
        text += ": " + withVisibleControls(step.note);
    if (step.rootCause == true)
        text += " (root cause)";
    return text;
}

} // namespace fondant
