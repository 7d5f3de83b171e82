// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/dialogs/ExportDialog.h"

#include "core/session/PipelineSession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace fondant;

class tst_ExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suggestsAFileNextToThePipelineForEachTarget();
    void exportsTheFileAndRecordsTheRun();
    void listsWhatKeepsItFromExporting();
    void writesTheFondantProgramWithoutARun();
    void previewsTheFileAndItsChangesSinceTheLastExport();
};

namespace {

const QString tricky = QStringLiteral(FONDANT_TEST_DATA_DIR "/export/tricky.pipeline.yaml");

PipelineSession openTricky()
{
    return PipelineSession::open(tricky).value();
}

QPushButton *exportButton(const ExportDialog &dialog)
{
    for (QPushButton *button : dialog.findChildren<QPushButton *>())
        if (button->text() == QStringLiteral("&Export"))
            return button;
    return nullptr;
}

} // namespace

void tst_ExportDialog::suggestsAFileNextToThePipelineForEachTarget()
{
    const PipelineSession session = openTricky();
    ExportDialog dialog(session, tricky);
    const QString folder = QFileInfo(tricky).absolutePath();
    QCOMPARE(dialog.outputEdit()->text(), folder + QStringLiteral("/docker-compose.yml"));
    dialog.targetBox()->setCurrentIndex(1);
    QCOMPARE(dialog.outputEdit()->text(), folder + QStringLiteral("/tricky-kubeflow.yml"));
    // A name the user typed stays.
    dialog.outputEdit()->setText(QStringLiteral("/tmp/mine.yml"));
    QTest::keyClick(dialog.outputEdit(), Qt::Key_End);
    QTest::keyClicks(dialog.outputEdit(), QStringLiteral("l"));
    dialog.targetBox()->setCurrentIndex(2);
    QCOMPARE(dialog.outputEdit()->text(), QStringLiteral("/tmp/mine.ymll"));
}

void tst_ExportDialog::exportsTheFileAndRecordsTheRun()
{
    const PipelineSession session = openTricky();
    QTemporaryDir folder;
    ExportDialog dialog(session, tricky);
    dialog.workingDirectoryEdit()->setText(folder.filePath(QStringLiteral("wd")));
    dialog.runIdEdit()->setText(QStringLiteral("tricky-1"));
    dialog.outputEdit()->setText(folder.filePath(QStringLiteral("docker-compose.yml")));
    dialog.check();
    QVERIFY(exportButton(dialog)->isEnabled());
    // The warning of a false bool argument, not an error.
    QCOMPARE(dialog.problemsList()->count(), 1);
    QVERIFY(dialog.problemsList()->item(0)->text().contains(QStringLiteral("'enabled' is false")));
    QVERIFY(dialog.exportNow());
    QVERIFY(QFileInfo(folder.filePath(QStringLiteral("docker-compose.yml"))).isFile());
    QVERIFY(QFileInfo(folder.filePath(QStringLiteral("wd/.fondant-studio/runs/tricky-1.json")))
                .isFile());
    QVERIFY(dialog.summary().contains(QStringLiteral("tricky-1")));
}

void tst_ExportDialog::previewsTheFileAndItsChangesSinceTheLastExport()
{
    const PipelineSession session = openTricky();
    QTemporaryDir folder;
    const QString output = folder.filePath(QStringLiteral("docker-compose.yml"));
    {
        ExportDialog dialog(session, tricky);
        dialog.workingDirectoryEdit()->setText(folder.filePath(QStringLiteral("wd")));
        dialog.runIdEdit()->setText(QStringLiteral("tricky-1"));
        dialog.outputEdit()->setText(output);
        dialog.check();
        QVERIFY(dialog.preview()->toPlainText().contains(QStringLiteral("tricky-1")));
        QVERIFY(dialog.changes()->toPlainText().startsWith(
            QStringLiteral("Nothing has been exported")));
        QVERIFY(dialog.runLabel()->text().contains(
            QStringLiteral("wd/.fondant-studio/runs/tricky-1.json")));
        QVERIFY(dialog.exportNow());
    }
    // The next export to the same file: what differs is the run id.
    ExportDialog dialog(session, tricky);
    dialog.workingDirectoryEdit()->setText(folder.filePath(QStringLiteral("wd")));
    dialog.runIdEdit()->setText(QStringLiteral("tricky-2"));
    dialog.outputEdit()->setText(output);
    dialog.check();
    const QString changes = dialog.changes()->toPlainText();
    QVERIFY2(changes.startsWith(QStringLiteral("@@ ")), qPrintable(changes));
    QVERIFY(
        changes.contains(QStringLiteral("\n-")) && changes.contains(QStringLiteral("tricky-1")));
    QVERIFY(
        changes.contains(QStringLiteral("\n+")) && changes.contains(QStringLiteral("tricky-2")));
    dialog.runIdEdit()->setText(QStringLiteral("tricky-1"));
    dialog.check();
    QVERIFY(
        dialog.changes()->toPlainText().startsWith(QStringLiteral("The same as the last export")));
    // The Fondant program starts no run: no run id or record.
    dialog.targetBox()->setCurrentIndex(3);
    dialog.check();
    QVERIFY(dialog.runLabel()->isHidden());
}

void tst_ExportDialog::listsWhatKeepsItFromExporting()
{
    const PipelineSession session = openTricky();
    QTemporaryDir folder;
    ExportDialog dialog(session, tricky);
    dialog.workingDirectoryEdit()->setText(QStringLiteral("gs://bucket/wd"));
    dialog.outputEdit()->setText(folder.filePath(QStringLiteral("out.yml")));
    dialog.targetBox()->setCurrentIndex(2); // Vertex gives no "GPU"
    dialog.check();
    QVERIFY(!exportButton(dialog)->isEnabled());
    QVERIFY(!dialog.problemsList()
                 ->findItems(QStringLiteral("no accelerator Vertex AI knows"), Qt::MatchContains)
                 .isEmpty());
    QVERIFY(!dialog.exportNow());
    QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("out.yml"))));
    // An unusable run id.
    dialog.targetBox()->setCurrentIndex(0);
    dialog.runIdEdit()->setText(QStringLiteral("../up"));
    dialog.check();
    QVERIFY(!exportButton(dialog)->isEnabled());
    QVERIFY(
        dialog.problemsList()->item(0)->text().contains(QStringLiteral("cannot name a folder")));
}

void tst_ExportDialog::writesTheFondantProgramWithoutARun()
{
    const PipelineSession session = openTricky();
    QTemporaryDir folder;
    ExportDialog dialog(session, tricky);
    dialog.targetBox()->setCurrentIndex(3);
    QCOMPARE(QFileInfo(dialog.outputEdit()->text()).fileName(), QStringLiteral("pipeline.py"));
    // Fondant gives the program its run id and working directory when it runs it.
    QVERIFY(!dialog.workingDirectoryEdit()->isEnabled());
    QVERIFY(!dialog.runIdEdit()->isEnabled());
    dialog.workingDirectoryEdit()->setText(QString());
    dialog.outputEdit()->setText(folder.filePath(QStringLiteral("pipeline.py")));
    dialog.check();
    QVERIFY(exportButton(dialog)->isEnabled());
    QVERIFY(dialog.exportNow());
    QVERIFY(QFileInfo(folder.filePath(QStringLiteral("pipeline.py"))).isFile());
    QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral(".fondant-studio"))));
    QVERIFY(dialog.summary().contains(QStringLiteral("Fondant program")));
    dialog.targetBox()->setCurrentIndex(0);
    QVERIFY(dialog.workingDirectoryEdit()->isEnabled());
}

QTEST_MAIN(tst_ExportDialog)
#include "tst_ExportDialog.moc"
