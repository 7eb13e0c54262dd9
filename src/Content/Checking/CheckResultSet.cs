using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Leaflets.Content.Loading;
using Leaflets.Content.Model;
using Leaflets.Content.Rendering;

namespace Leaflets.Content.Checking;

/// <summary>
/// Where check results are kept between processes: <c>publish</c> (and <c>leaflets check --save-results</c>) write what
/// the publish gate found, and a serving instance reads it instead of checking every leaflet again. Small on purpose,
/// so a compiled snapshot of the library can carry the same set later.
/// </summary>
public interface ICheckResultStore
{
    /// <summary>
    /// The stored set, or null when none is stored. Throws when one is stored but cannot be read (damaged, too large,
    /// another checker's): the caller logs it and treats every leaflet as not yet checked.
    /// </summary>
    Task<CheckResultSet?> ReadAsync(CancellationToken cancellationToken);

    Task WriteAsync(CheckResultSet results, CancellationToken cancellationToken);
}

/// <summary>
/// Check results keyed by what was checked (<see cref="KeyOf"/>: the leaflet's id and the content hash of every document
/// it has), under the version of the checks that made them. A result for other content, or from other checks, is never
/// taken for this one: an edited leaflet has a new key and is pending until checked.
/// </summary>
public sealed record CheckResultSet(string Checker, ImmutableSortedDictionary<string, LeafletCheckResult> Results)
{
    /// <summary>
    /// The checks whose results a set holds: the publish gate's (readability, PDF/UA at every print, and braille). Move it
    /// when a check changes what it finds, so results from older checks are not trusted.
    /// </summary>
    public const string CurrentChecker = "publish-gate=3";

    /// <summary>The name of the stored set: <c>checks.json</c> beside the <c>leaflets/</c> folder or prefix.</summary>
    public const string FileName = "checks.json";

    /// <summary>
    /// Stored sets larger than this are refused (as unreadable: everything pending), so a damaged or hostile file cannot
    /// exhaust memory. About 3 KB per leaflet with findings: 10,000 leaflets fit many times over.
    /// </summary>
    public const int MaxBytes = 256 * 1024 * 1024;

    public static CheckResultSet Empty { get; } = new(CurrentChecker, ImmutableSortedDictionary.Create<string, LeafletCheckResult>(StringComparer.Ordinal));

    /// <summary>
    /// What a result belongs to: the leaflet's id and each of its documents' content hashes, in a fixed order. Worked out
    /// once per loaded leaflet (the catalog keeps the same object while its files are unchanged), as every health
    /// request looks up every leaflet's result.
    /// </summary>
    public static string KeyOf(Leaflet leaflet) => Keys.GetValue(leaflet, each => RepresentationVersions.Derive([
        "checked", each.Id, .. each.AllDocuments.Select(document => document.ContentHash).Order(StringComparer.Ordinal)]));

    private static readonly ConditionalWeakTable<Leaflet, string> Keys = new();

    public LeafletCheckResult? For(Leaflet leaflet) => Results.GetValueOrDefault(KeyOf(leaflet));

    /// <summary>This set with <paramref name="fresh"/> added, less any result for content no longer in <paramref name="keep"/>.</summary>
    public CheckResultSet With(IReadOnlyDictionary<string, LeafletCheckResult> fresh, Func<string, LeafletCheckResult, bool> keep)
        => this with
        {
            Results = Results.Where(entry => keep(entry.Key, entry.Value)).Concat(fresh)
                .GroupBy(entry => entry.Key, StringComparer.Ordinal)
                .ToImmutableSortedDictionary(group => group.Key, group => group.Last().Value, StringComparer.Ordinal),
        };

    /// <summary>The same set always writes the same bytes (keys in ordinal order, findings in the order found).</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(
        new CheckResultSetJson(Checker, Results.ToImmutableSortedDictionary(
            entry => entry.Key,
            entry => new StoredResultJson(
                entry.Value.LeafletId, entry.Value.Status.ToString().ToLowerInvariant(), entry.Value.CheckedAt,
                [.. entry.Value.Errors.Concat(entry.Value.Warnings).Select(p => new StoredProblemJson(p.Path, p.Line, p.Rule, p.Message, p.Severity == ProblemSeverity.Warning))]),
            StringComparer.Ordinal)),
        CheckResultSetJsonContext.Default.CheckResultSetJson);

    /// <summary>
    /// The set written by <see cref="ToJson"/>, or null (with the reason) when the bytes are not one or hold another
    /// checker's results: such a set is ignored, never half-read.
    /// </summary>
    public static CheckResultSet? FromJson(ReadOnlySpan<byte> bytes, out string? reason)
    {
        reason = null;
        if (bytes.Length > MaxBytes)
        {
            reason = $"it is larger than {MaxBytes} bytes";
            return null;
        }
        CheckResultSetJson? stored;
        try
        {
            stored = JsonSerializer.Deserialize(bytes, CheckResultSetJsonContext.Default.CheckResultSetJson);
        }
        catch (JsonException error)
        {
            reason = $"it is not a set of check results ({error.Message})";
            return null;
        }
        if (stored?.Results is null || stored.Checker is null)
        {
            reason = "it is not a set of check results";
            return null;
        }
        if (stored.Checker != CurrentChecker)
        {
            reason = $"it was made by other checks ({stored.Checker}; these are {CurrentChecker})";
            return null;
        }
        var results = ImmutableSortedDictionary.CreateBuilder<string, LeafletCheckResult>(StringComparer.Ordinal);
        foreach (var (key, result) in stored.Results)
        {
            if (result?.Id is null || result.Problems is null || !Enum.TryParse<LeafletCheckStatus>(result.Status, ignoreCase: true, out var status)
                || status is LeafletCheckStatus.Pending or LeafletCheckStatus.Unchecked)
            {
                reason = $"its result {key} is incomplete";
                return null;
            }
            var problems = result.Problems.Select(p => new ContentProblem(
                p.Path, p.Line, p.Rule, p.Message, p.Warning ? ProblemSeverity.Warning : ProblemSeverity.Error)).ToList();
            results[key] = new LeafletCheckResult(
                result.Id, status, [.. problems.Where(p => p.Severity == ProblemSeverity.Error)],
                [.. problems.Where(p => p.Severity == ProblemSeverity.Warning)], result.CheckedAt);
        }
        return new CheckResultSet(stored.Checker, results.ToImmutable());
    }
}

internal sealed record CheckResultSetJson(string Checker, IReadOnlyDictionary<string, StoredResultJson> Results);

internal sealed record StoredResultJson(string Id, string Status, DateTimeOffset? CheckedAt, IReadOnlyList<StoredProblemJson> Problems);

internal sealed record StoredProblemJson(string Path, int Line, string Rule, string Message, bool Warning);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CheckResultSetJson))]
internal sealed partial class CheckResultSetJsonContext : JsonSerializerContext;

/// <summary>
/// The set kept as <c>checks.json</c> in a content folder (files mode): written by <c>leaflets check --save-results</c>,
/// read by <c>leaflets serve</c>. A missing or unreadable file is no results (logged by the caller), never a failure.
/// </summary>
public sealed class FileCheckResultStore(string contentRoot) : ICheckResultStore
{
    public string FilePath { get; } = Path.Combine(contentRoot, CheckResultSet.FileName);

    public async Task<CheckResultSet?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }
        if (new FileInfo(FilePath).Length > CheckResultSet.MaxBytes)
        {
            throw new InvalidDataException($"{FilePath} is larger than {CheckResultSet.MaxBytes} bytes.");
        }
        var bytes = await File.ReadAllBytesAsync(FilePath, cancellationToken);
        return CheckResultSet.FromJson(bytes, out var reason) ?? throw new InvalidDataException($"{FilePath} was not read: {reason}.");
    }

    /// <summary>Written beside and then moved over the old file, so a reader never sees half of it.</summary>
    public async Task WriteAsync(CheckResultSet results, CancellationToken cancellationToken)
    {
        var partial = FilePath + ".partial";
        await File.WriteAllBytesAsync(partial, results.ToJson(), cancellationToken);
        File.Move(partial, FilePath, overwrite: true);
    }
}
