namespace Leaflets.Content.Loading;

/// <summary>The files a content source refuses before reading them, worded once for every source.</summary>
public static class SourceRefusals
{
    /// <summary>A file (or blob) over <see cref="ContentLimits.MaxFileBytes"/>: refused by its stated length, never read.</summary>
    public static ContentFile TooLarge(string path, long length) => ContentFile.Refused(path, ContentRules.FileTooLarge,
        $"the file is {length:N0} bytes, over the {ContentLimits.MaxFileBytes:N0} bytes a content file may have; it was not read");

    /// <summary>A FIFO, device, socket or other special file; named by what it is and never opened.</summary>
    public static ContentFile NotRegular(string path, string whatItIs) => ContentFile.Refused(path, ContentRules.FileNotRegular,
        $"this is {whatItIs}, not a regular file; it was not opened");
}
