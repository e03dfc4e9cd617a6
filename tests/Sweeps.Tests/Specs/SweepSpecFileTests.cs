using System.Text;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Specs;

/// <summary>ParseFile: a good file parses; a wrong file is named as such, with the field "file".</summary>
public sealed class SweepSpecFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweep-spec-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Rejects(string path, params string[] contains) =>
        TestSpecs.AssertRejection(() => SweepSpecParser.ParseFile(path, new SweepLimits()), "file", contains);

    [Fact]
    public void ValidFileParsesLikeItsText()
    {
        string path = Write("spec.json", Encoding.UTF8.GetBytes(TestSpecs.Valid));

        Assert.Equal(TestSpecs.Parse(TestSpecs.Valid).Id(), SweepSpecParser.ParseFile(path, new SweepLimits()).Id());
    }

    [Fact]
    public void Utf8ByteOrderMarkIsAccepted()
    {
        string path = Write("bom.json", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(TestSpecs.Valid)]);

        Assert.Equal("hard-task.rich", SweepSpecParser.ParseFile(path, new SweepLimits()).Name);
    }

    [Fact]
    public void MissingFileIsRejected()
    {
        string path = Path.Combine(_folder, "nope.json");

        Rejects(path, $"'{path}' does not exist");
    }

    [Fact]
    public void DirectoryIsRejected()
    {
        Rejects(_folder, $"'{_folder}' is a directory");
    }

    [Fact]
    public void BinaryFileIsRejected()
    {
        string path = Write("results.bin", [0x53, 0x53, 0x57, 0x50, 0x00, 0x01, 0x02]);

        Rejects(path, "is a binary file (byte 0x00 at offset 4)");
    }

    [Fact]
    public void NonUtf8FileIsRejected()
    {
        // "{"name": "caf<0xE9>"}" in Latin-1: 0xE9 starts a UTF-8 sequence that 0x22 does not continue.
        byte[] latin1 = Encoding.Latin1.GetBytes("{\"name\": \"caf\u00e9\"}");
        string path = Write("latin1.json", latin1);

        Rejects(path, "is not UTF-8 text", "byte 0xE9 at offset 13");
    }

    [Fact]
    public void Utf16FileIsRejected()
    {
        string path = Write("utf16.json", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(TestSpecs.Valid)]);

        Rejects(path, "is UTF-16 text", "save it as UTF-8");
    }

    [Fact]
    public void OversizedFileIsRejectedBeforeReading()
    {
        string path = Write("big.json", Encoding.UTF8.GetBytes(TestSpecs.Valid));

        TestSpecs.AssertRejection(
            () => SweepSpecParser.ParseFile(path, new SweepLimits { MaxSpecBytes = 10 }),
            "file", "bytes, above the cap of 10 bytes");
    }

    [Fact]
    public void ContentErrorsNameTheJsonField()
    {
        string path = Write("bad.json", Encoding.UTF8.GetBytes(TestSpecs.With("alpha", "[0.5]")));

        TestSpecs.AssertRejection(() => SweepSpecParser.ParseFile(path, new SweepLimits()), "alpha[0]", "0.5 is out of range");
    }
}
