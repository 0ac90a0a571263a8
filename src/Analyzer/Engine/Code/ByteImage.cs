using System.Collections.Generic;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>
/// The contents of a byte buffer as far as the code proves them: known bytes, unknown bytes (written from a value the
/// analysis cannot see), and, for a freshly allocated array, zeros everywhere else.
/// </summary>
internal sealed class ByteImage
{
    private readonly Dictionary<int, byte?> _bytes = new();
    private readonly bool _restIsZero;

    private ByteImage(int? length, bool restIsZero)
    {
        Length = length;
        _restIsZero = restIsZero;
    }

    /// <summary>The buffer length when known (an initializer, <c>BitConverter.GetBytes</c>); null for <c>new byte[n]</c> with an unknown n.</summary>
    public int? Length { get; }

    /// <summary>A buffer of <paramref name="length"/> bytes whose every byte is unknown.</summary>
    public static ByteImage Unknown(int length)
    {
        var image = new ByteImage(length, restIsZero: false);
        for (var i = 0; i < length; i++)
        {
            image._bytes[i] = null;
        }

        return image;
    }

    /// <summary>A freshly allocated array: zeros until written.</summary>
    public static ByteImage Zeroed(int? length) => new(length, restIsZero: true);

    /// <summary>Exactly these bytes; null entries are unknown.</summary>
    public static ByteImage Of(IReadOnlyList<byte?> bytes)
    {
        var image = new ByteImage(bytes.Count, restIsZero: false);
        for (var i = 0; i < bytes.Count; i++)
        {
            image._bytes[i] = bytes[i];
        }

        return image;
    }

    /// <summary><paramref name="value"/> as <paramref name="size"/> little-endian bytes (two's complement), or unknown bytes.</summary>
    public static ByteImage Integer(long? value, int size, bool bigEndian = false)
    {
        var bytes = new byte?[size];
        for (var i = 0; i < size; i++)
        {
            bytes[bigEndian ? size - 1 - i : i] = value is { } v ? (byte)(unchecked((ulong)v) >> (8 * i)) : null;
        }

        return Of(bytes);
    }

    public byte? this[int index] =>
        _bytes.TryGetValue(index, out var value) ? value
        : _restIsZero && index >= 0 && (Length is null || index < Length) ? (byte)0
        : null;

    public ByteImage Copy()
    {
        var copy = new ByteImage(Length, _restIsZero);
        foreach (var pair in _bytes)
        {
            copy._bytes[pair.Key] = pair.Value;
        }

        return copy;
    }

    /// <summary><paramref name="count"/> bytes of <paramref name="source"/> from <paramref name="sourceOffset"/> written at <paramref name="offset"/>.</summary>
    public void Write(int offset, ByteImage source, int sourceOffset, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _bytes[offset + i] = source[sourceOffset + i];
        }
    }

    /// <summary>This buffer followed by <paramref name="second"/>; null when a length is unknown (the offsets would be too).</summary>
    public ByteImage? Concat(ByteImage second)
    {
        if (Length is not { } first || second.Length is not { } length)
        {
            return null;
        }

        var joined = new ByteImage(first + length, restIsZero: false);
        joined.Write(0, this, 0, first);
        joined.Write(first, second, 0, length);
        return joined;
    }

    /// <summary>The little-endian unsigned 32-bit value at <paramref name="offset"/> when all four bytes are known.</summary>
    public uint? ReadUInt32(int offset)
    {
        uint value = 0;
        for (var i = 3; i >= 0; i--)
        {
            if (this[offset + i] is not { } b)
            {
                return null;
            }

            value = (value << 8) | b;
        }

        return value;
    }
}
