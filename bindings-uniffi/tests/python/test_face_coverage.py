"""The face covers what the generated module has, derived from the generated module itself (not
from the table the face is made from): every operation a method of both clients taking its
input's members, every paginator, every error variant a class of ``iot_transfer.exceptions``; and
the installed stubs declare each method's arguments and each error's fields as the runtime has
them."""

import ast
import inspect
import pathlib

import iot_transfer
from iot_transfer import AsyncClient, Client, IotTransferClient, exceptions


def generated_operations():
    """(method, input class) of every operation of the generated client: a method taking
    ``(input, cancellation)`` with a blocking twin."""
    found = []
    for name, method in inspect.getmembers(IotTransferClient, inspect.isfunction):
        parameters = list(inspect.signature(method).parameters)
        if parameters == ["self", "input", "cancellation"] and hasattr(IotTransferClient, name + "_blocking"):
            found.append((name, getattr(iot_transfer, method.__annotations__["input"])))
    return found


def keyword_arguments(function):
    return [p.name for p in inspect.signature(function).parameters.values() if p.kind is p.KEYWORD_ONLY]


def test_every_operation_is_a_method_of_both_clients():
    operations = generated_operations()
    assert len(operations) >= 10
    for name, input_class in operations:
        members = keyword_arguments(input_class)
        assert keyword_arguments(getattr(Client, name)) == members, name
        assert keyword_arguments(getattr(AsyncClient, name)) == members, name
        assert inspect.iscoroutinefunction(getattr(AsyncClient, name)) and not inspect.iscoroutinefunction(
            getattr(Client, name))


def test_every_paginator_of_the_generated_client_is_a_face_paginator():
    paginated = [name[: -len("_paginator")] for name in dir(IotTransferClient) if name.endswith("_paginator")]
    assert len(paginated) >= 3
    assert [Client.can_paginate(Client, name) for name in paginated] == [True] * len(paginated)
    assert not Client.can_paginate(Client, "transfer_certificate")


def test_every_error_variant_has_a_class_of_the_face():
    variants = [cls for cls in vars(iot_transfer.IotTransferError).values()
                if isinstance(cls, type) and issubclass(cls, iot_transfer.IotTransferError)]
    assert len(variants) >= 20
    faces = [cls for cls in vars(exceptions).values() if isinstance(cls, type) and cls.__module__ == exceptions.__name__]
    for variant in variants:
        assert [face for face in faces if issubclass(face, variant)], f"no face class for {variant.__name__}"


def stub(name):
    return ast.parse((pathlib.Path(iot_transfer.__file__).parent / name).read_text())


def stub_class(tree, name):
    return next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == name)


def test_the_stub_declares_each_method_s_keyword_arguments():
    tree = stub("client.pyi")
    for class_name, runtime in (("Client", Client), ("AsyncClient", AsyncClient)):
        methods = {node.name: node for node in stub_class(tree, class_name).body
                   if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
        for name, _ in generated_operations():
            assert [a.arg for a in methods[name].args.kwonlyargs] == keyword_arguments(getattr(runtime, name))


def test_the_stub_declares_every_field_of_the_errors():
    tree = stub("exceptions.pyi")

    def annotated(class_name):
        return {n.target.id for n in stub_class(tree, class_name).body if isinstance(n, ast.AnnAssign)}

    common = annotated("IotTransferError")
    for variant in vars(iot_transfer.IotTransferError).values():
        if isinstance(variant, type) and issubclass(variant, iot_transfer.IotTransferError):
            fields = set(inspect.signature(variant.__init__).parameters) - {"self"}
            extra = annotated("ParamValidationError") if variant is iot_transfer.IotTransferError.Validation else set()
            assert fields <= common | extra, f"{variant.__name__}: {fields - common - extra} not in the stub"
