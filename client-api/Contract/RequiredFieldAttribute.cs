namespace Wallet.ClientApi.Contract;

/// <summary>
/// A request field the API refuses to go without (its validation answers 400 naming it). Request records keep every
/// field nullable so that validation, not the JSON binder, answers a missing one precisely; this marks in the
/// document which ones a client must send (<see cref="FieldRules"/> reads it). Put it on a positional record's
/// parameter as <c>[property: RequiredField]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredFieldAttribute : Attribute;
