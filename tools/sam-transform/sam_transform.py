"""Prints template.yaml as CloudFormation receives it: the SAM transform applied by AWS's own translator
(aws-sam-translator, which cfn-lint installs), so tests can check what SAM generates (stages, deployments, roles).
Usage: python3 sam_transform.py template.yaml > transformed.json
CodeUri is replaced by an S3 URI, as `sam package` would; the region defaults to the local stack's."""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names no managed policies by name; the translator asks for the list only to resolve those."""

    def load(self):
        return {}


def main(path):
    os.environ.setdefault("AWS_DEFAULT_REGION", "ap-south-1")
    with open(path, encoding="utf-8") as source:
        template = yaml_parse(source.read())
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") == "AWS::Serverless::Function" and "CodeUri" in resource.get("Properties", {}):
            resource["Properties"]["CodeUri"] = "s3://packaged/code.zip"
    json.dump(transform(template, {}, NoManagedPolicies()), sys.stdout, indent=1, default=str)


if __name__ == "__main__":
    main(sys.argv[1])
