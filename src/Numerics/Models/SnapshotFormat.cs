using System.Security.Cryptography;
using System.Text;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// The framing of a snapshot: magic "SSWP", format version, the configuration's fingerprint, the
/// body, then a SHA-256 of everything before it. A payload from another configuration, another
/// format version or with a single flipped bit is rejected before any of it is used.
/// </summary>
public static class SnapshotFormat
{
    public const int Version = 1;
    private static readonly byte[] Magic = "SSWP"u8.ToArray();
    private const int ChecksumLength = 32;

    internal static void WriteHeader(BinaryWriter writer, SimulationConfig config)
    {
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(config.Fingerprint());
    }

    internal static byte[] Seal(MemoryStream body)
    {
        byte[] checksum = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        body.Write(checksum);
        return body.ToArray();
    }

    /// <summary>Checks a payload against <paramref name="config"/> and returns a reader positioned at its body.</summary>
    internal static BinaryReader Open(byte[] payload, SimulationConfig config)
    {
        if (payload.Length < Magic.Length + 4 + ChecksumLength)
        {
            throw new SnapshotException($"{payload.Length} bytes is too short to be a snapshot.");
        }

        int bodyLength = payload.Length - ChecksumLength;
        byte[] expected = SHA256.HashData(payload.AsSpan(0, bodyLength));
        if (!expected.AsSpan().SequenceEqual(payload.AsSpan(bodyLength)))
        {
            throw new SnapshotException("checksum mismatch (the payload is corrupt or truncated).");
        }

        var reader = new BinaryReader(new MemoryStream(payload, 0, bodyLength, writable: false), Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new SnapshotException("not a ScaleSweep snapshot (bad magic).");
        }

        int version = reader.ReadInt32();
        if (version != Version)
        {
            throw new SnapshotException($"format version {version} is not the supported version {Version}.");
        }

        string fingerprint = reader.ReadString();
        if (fingerprint != config.Fingerprint())
        {
            throw new SnapshotException("it was taken from a different configuration (fingerprint mismatch).");
        }

        return reader;
    }

    /// <summary>Writes a model's state arrays in order, each with its length.</summary>
    internal static void WriteArrays(BinaryWriter writer, params double[][] arrays)
    {
        foreach (double[] array in arrays)
        {
            WriteArray(writer, array);
        }
    }

    /// <summary>Reads state arrays written by <see cref="WriteArrays"/> into arrays of the expected lengths.</summary>
    internal static void ReadArrays(BinaryReader reader, params double[][] arrays)
    {
        foreach (double[] array in arrays)
        {
            ReadArray(reader, array);
        }
    }

    internal static void WriteArray(BinaryWriter writer, ReadOnlySpan<double> values)
    {
        writer.Write(values.Length);
        foreach (double v in values)
        {
            writer.Write(v);
        }
    }

    internal static void ReadArray(BinaryReader reader, Span<double> into)
    {
        int length = reader.ReadInt32();
        if (length != into.Length)
        {
            throw new SnapshotException($"an array of {length} values where the configuration needs {into.Length}.");
        }

        for (int i = 0; i < length; i++)
        {
            into[i] = reader.ReadDouble();
        }
    }
}
