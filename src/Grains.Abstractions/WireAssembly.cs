using ScaleSweep.Numerics.Models;

// Orleans generates codecs only for types it is told about; the numerics library's enums cross the wire.
[assembly: GenerateCodeForDeclaringAssembly(typeof(ModelKind))]
