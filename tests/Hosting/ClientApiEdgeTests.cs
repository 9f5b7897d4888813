using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Wallet.Tests.Hosting;

/// <summary>
/// The API's endpoints know the grains by their interfaces only: the grains assembly is referenced for the
/// embedded mode, which hosts a silo in the API's process, and only the hosting code (<c>Wallet.ClientApi.Hosting</c>)
/// may touch it. Read from the compiled API's metadata — signatures, base types, attributes and every token in
/// every method body — so a handler that takes, builds or merely names a grains type is caught, however it got in.
/// </summary>
public sealed class ClientApiEdgeTests
{
    private const string GrainsAssembly = "Wallet.Grains";
    private const string HostingNamespace = "Wallet.ClientApi.Hosting";

    [Fact]
    public void Outside_its_hosting_the_API_uses_no_type_of_the_grains_assembly()
    {
        var offenders = GrainsUses(typeof(Wallet.ClientApi.Http.Paging).Assembly.Location)
            .Where(use => !InHosting(use.Namespace))
            .Select(use => $"{use.Type} uses {use.GrainsType}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, "Only Wallet.ClientApi.Hosting may touch the grains assembly; outside it:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_sees_the_hosting_code_that_does_use_the_grains_assembly()
    {
        // Were the reading blind (a wrong assembly name, tokens not followed), the test above would pass for nothing.
        var uses = GrainsUses(typeof(Wallet.ClientApi.Http.Paging).Assembly.Location);

        Assert.Contains(uses, use => InHosting(use.Namespace) && use.GrainsType.StartsWith("Wallet.Hosting.", StringComparison.Ordinal));
    }

    private static bool InHosting(string ns) => ns == HostingNamespace || ns.StartsWith(HostingNamespace + ".", StringComparison.Ordinal);

    private sealed record Use(string Namespace, string Type, string GrainsType);

    private static List<Use> GrainsUses(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var provider = new GrainsTypes();
        var uses = new List<Use>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var (ns, name) = OutermostName(md, type);
            var found = new HashSet<string>(StringComparer.Ordinal);
            Collect(md, provider, type, pe, found);
            uses.AddRange(found.Select(g => new Use(ns, name, g)));
        }
        return uses;
    }

    /// <summary>A nested type (a closure, an async state machine) counts as the type it is written in.</summary>
    private static (string Namespace, string Name) OutermostName(MetadataReader md, TypeDefinition type)
    {
        var name = md.GetString(type.Name);
        while (type.GetDeclaringType() is { IsNil: false } outer)
        {
            type = md.GetTypeDefinition(outer);
            name = md.GetString(type.Name) + "+" + name;
        }
        var ns = md.GetString(type.Namespace);
        return (ns, ns.Length == 0 ? name : ns + "." + name);
    }

    private static void Collect(MetadataReader md, GrainsTypes provider, TypeDefinition type, PEReader pe, HashSet<string> found)
    {
        AddHandle(md, provider, type.BaseType, found);
        foreach (var i in type.GetInterfaceImplementations())
        {
            AddHandle(md, provider, md.GetInterfaceImplementation(i).Interface, found);
        }
        AddAttributes(md, provider, type.GetCustomAttributes(), found);
        foreach (var f in type.GetFields())
        {
            var field = md.GetFieldDefinition(f);
            found.UnionWith(field.DecodeSignature(provider, null));
            AddAttributes(md, provider, field.GetCustomAttributes(), found);
        }
        foreach (var p in type.GetProperties())
        {
            var property = md.GetPropertyDefinition(p);
            AddSignature(property.DecodeSignature(provider, null), found);
            AddAttributes(md, provider, property.GetCustomAttributes(), found);
        }
        foreach (var m in type.GetMethods())
        {
            var method = md.GetMethodDefinition(m);
            AddSignature(method.DecodeSignature(provider, null), found);
            AddAttributes(md, provider, method.GetCustomAttributes(), found);
            foreach (var p in method.GetParameters())
            {
                AddAttributes(md, provider, md.GetParameter(p).GetCustomAttributes(), found);
            }
            if (method.RelativeVirtualAddress != 0)
            {
                AddBody(md, provider, pe.GetMethodBody(method.RelativeVirtualAddress), found);
            }
        }
    }

    private static void AddSignature(MethodSignature<ImmutableHashSet<string>> signature, HashSet<string> found)
    {
        found.UnionWith(signature.ReturnType);
        foreach (var p in signature.ParameterTypes)
        {
            found.UnionWith(p);
        }
    }

    private static void AddAttributes(MetadataReader md, GrainsTypes provider, CustomAttributeHandleCollection attributes, HashSet<string> found)
    {
        foreach (var a in attributes)
        {
            AddHandle(md, provider, md.GetCustomAttribute(a).Constructor, found);
        }
    }

    private static void AddBody(MetadataReader md, GrainsTypes provider, MethodBodyBlock body, HashSet<string> found)
    {
        if (!body.LocalSignature.IsNil)
        {
            foreach (var local in md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null))
            {
                found.UnionWith(local);
            }
        }
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var opCode = first == 0xFE ? unchecked((short)(0xFE00 | il.ReadByte())) : first; // two-byte opcodes start with 0xFE
            switch (s_operands[opCode])
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    AddHandle(md, provider, MetadataTokens.EntityHandle(il.ReadInt32()), found);
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                default:
                    il.Offset += 4;
                    break;
            }
        }
    }

    private static void AddHandle(MetadataReader md, GrainsTypes provider, EntityHandle handle, HashSet<string> found)
    {
        if (handle.IsNil)
        {
            return;
        }
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                found.UnionWith(provider.GetTypeFromReference(md, (TypeReferenceHandle)handle, 0));
                break;
            case HandleKind.TypeSpecification:
                found.UnionWith(md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null));
                break;
            case HandleKind.MemberReference:
                var member = md.GetMemberReference((MemberReferenceHandle)handle);
                AddHandle(md, provider, member.Parent, found);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    AddSignature(member.DecodeMethodSignature(provider, null), found);
                }
                else
                {
                    found.UnionWith(member.DecodeFieldSignature(provider, null));
                }
                break;
            case HandleKind.MethodSpecification:
                var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                AddHandle(md, provider, spec.Method, found);
                foreach (var argument in spec.DecodeSignature(provider, null))
                {
                    found.UnionWith(argument);
                }
                break;
        }
    }

    /// <summary>Each IL opcode's operand, from the runtime's own table.</summary>
    private static readonly Dictionary<short, OperandType> s_operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>Decodes a signature into the grains assembly's types it names (the empty set for everything else).</summary>
    private sealed class GrainsTypes : ISignatureTypeProvider<ImmutableHashSet<string>, object?>
    {
        private static readonly ImmutableHashSet<string> None = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

        public ImmutableHashSet<string> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var reference = reader.GetTypeReference(handle);
            var name = reader.GetString(reference.Name);
            var scope = reference.ResolutionScope;
            while (scope.Kind == HandleKind.TypeReference)
            {
                reference = reader.GetTypeReference((TypeReferenceHandle)scope);
                name = reader.GetString(reference.Name) + "+" + name;
                scope = reference.ResolutionScope;
            }
            return scope.Kind == HandleKind.AssemblyReference
                && reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == GrainsAssembly
                ? None.Add(reader.GetString(reference.Namespace) + "." + name)
                : None;
        }

        public ImmutableHashSet<string> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public ImmutableHashSet<string> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => None;
        public ImmutableHashSet<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;
        public ImmutableHashSet<string> GetGenericMethodParameter(object? genericContext, int index) => None;
        public ImmutableHashSet<string> GetGenericTypeParameter(object? genericContext, int index) => None;
        public ImmutableHashSet<string> GetSZArrayType(ImmutableHashSet<string> elementType) => elementType;
        public ImmutableHashSet<string> GetArrayType(ImmutableHashSet<string> elementType, ArrayShape shape) => elementType;
        public ImmutableHashSet<string> GetByReferenceType(ImmutableHashSet<string> elementType) => elementType;
        public ImmutableHashSet<string> GetPointerType(ImmutableHashSet<string> elementType) => elementType;
        public ImmutableHashSet<string> GetPinnedType(ImmutableHashSet<string> elementType) => elementType;
        public ImmutableHashSet<string> GetModifiedType(ImmutableHashSet<string> modifier, ImmutableHashSet<string> unmodifiedType, bool isRequired) => unmodifiedType.Union(modifier);

        public ImmutableHashSet<string> GetGenericInstantiation(ImmutableHashSet<string> genericType, ImmutableArray<ImmutableHashSet<string>> typeArguments)
            => typeArguments.Aggregate(genericType, (all, argument) => all.Union(argument));

        public ImmutableHashSet<string> GetFunctionPointerType(MethodSignature<ImmutableHashSet<string>> signature)
            => signature.ParameterTypes.Aggregate(signature.ReturnType, (all, parameter) => all.Union(parameter));
    }
}
