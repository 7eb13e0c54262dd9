using System.Text.RegularExpressions;

namespace Leaflets.Functions.Http;

/// <summary>
/// Bound from the "Cors" configuration section (env <c>Cors__AllowedOrigins</c>): which web pages, by origin, may read
/// the API's responses from a browser. See <see cref="CrossOrigin"/>.
/// </summary>
public sealed partial class CrossOriginOptions
{
    public const string SectionName = "Cors";

    public const string AnyOrigin = "*";

    public const string InvalidMessage =
        "Cors:AllowedOrigins must be * (any origin), or origins separated by spaces, each a scheme, host and optional port "
        + "with no path or trailing slash, for example \"https://portal.example.org http://localhost:3000\" (env Cors__AllowedOrigins).";

    /// <summary>
    /// <c>*</c> by default: the leaflets are public and no request carries credentials, so any page may read them, as
    /// any person may. A list of origins limits reading to the pages of those partners.
    /// </summary>
    public string AllowedOrigins { get; set; } = AnyOrigin;

    /// <summary>The configured entries, one space (or tab) apart.</summary>
    public IReadOnlyList<string> Entries =>
        (AllowedOrigins ?? "").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    public bool AllowsAnyOrigin => Entries is [AnyOrigin];

    public bool IsValid => AllowsAnyOrigin || (Entries.Count > 0 && Entries.All(entry => Origin().IsMatch(entry)));

    /// <summary>
    /// Whether a page of <paramref name="origin"/> (a request's <c>Origin</c> header) may read our responses. Browsers
    /// send the scheme and host in lower case, but a setting may not be written so, hence the comparison ignores case.
    /// </summary>
    public bool Allows(string origin) =>
        AllowsAnyOrigin || Entries.Contains(origin, StringComparer.OrdinalIgnoreCase);

    // What a browser sends as Origin: scheme, host and a port when not the default; never a path, a wildcard or "null".
    [GeneratedRegex(@"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?$")]
    private static partial Regex Origin();
}
