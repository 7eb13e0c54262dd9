namespace Leaflets.Content.Loading;

internal static class UrlRules
{
    public static bool IsAbsoluteHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host)
        && !url.Contains(' ');

    /// <summary>Links may also start an e-mail or a phone call, which make sense out of a page.</summary>
    public static bool IsAllowedLink(string url)
    {
        if (IsAbsoluteHttp(url))
        {
            return true;
        }
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return url.Length > "mailto:".Length && url.Contains('@') && !url.Contains(' ');
        }
        if (url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            var number = url["tel:".Length..];
            return number.Length > 0 && number.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '(' or ')' or '.');
        }
        return false;
    }

    /// <summary>Whether link text reads like an address rather than words.</summary>
    public static bool LooksLikeUrl(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }
}
