using System.CommandLine;
using Leaflets.Content.Checking.Pdf;

namespace Leaflets.Cli.Commands;

/// <summary>
/// `leaflets check-pdf FILE... [--lang L]`: runs our PDF/UA checker over PDFs already on disk (a print run, or any
/// PDF), prints every finding with its checkpoint and place, and exits 1 when any file fails.
/// </summary>
internal static class CheckPdfCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "The PDF files to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var language = new Option<string?>("--lang")
        {
            Description = "The language every file must declare (BCP 47, e.g. en-GB).",
        };
        var command = new Command("check-pdf", "Check PDFs against the machine-checkable PDF/UA (Matterhorn) checkpoints.")
        {
            files,
            language,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var errors = parseResult.InvocationConfiguration.Error;
            var failed = 0;
            foreach (var file in parseResult.GetValue(files) ?? [])
            {
                if (!file.Exists)
                {
                    errors.WriteLine($"{file.FullName}: no such file");
                    failed++;
                    continue;
                }

                var report = PdfAccessibilityChecker.Check(File.ReadAllBytes(file.FullName), parseResult.GetValue(language));
                output.WriteLine(report.Passed ? $"{file.Name}: passed" : $"{file.Name}: {report.Findings.Count} finding(s)");
                foreach (var finding in report.Findings)
                    output.WriteLine($"  {finding}");
                if (!report.Passed)
                    failed++;
            }
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
