namespace Leaflets.Content.Rendering.Audio;

/// <summary>
/// The engine cannot speak at all here: its library or data is missing, or it is not configured. The message names
/// what is missing (never a key); the audio route answers 503 and every other route is unaffected.
/// </summary>
public sealed class SpeechUnavailableException(string message) : Exception(message);

/// <summary>
/// The engine was asked and failed: refused (a rejected key, a bad request), too slow, or too much audio. The message
/// says which, so the log line and the 500/503 problem say why without guessing.
/// </summary>
public sealed class SpeechFailedException(string message, Exception? inner = null) : Exception(message, inner);
