// Runs the resource policies of Pulumi's AWS policy pack (@pulumi/awsguard, pinned in package-lock.json) over
// compiled Pulumi YAML templates, the way the policy server calls them (@pulumi/policy server.js, Analyze):
// validateResource(args, reportViolation) with args = {type, props, urn, name, opts, isType, asType, getConfig,
// notApplicable}. Every policy not listed as disabled counts as mandatory, as in `new AwsGuard({all: "mandatory"})`.
//
// AWSGuard 0.3.1 was written against @pulumi/aws v4, whose load balancer classes carry the older type tokens
// (aws:elasticloadbalancingv2/..., aws:applicationloadbalancing/...); today's aws:lb resources are therefore also
// checked under those names, or those policies would silently never apply.
//
// Usage: node check.js INPUT.json  where INPUT = {"templates": {"<name>": <template>}, "disabled": ["<policy key>"]}
// Prints {"violations": [...], "checked": [...], "notRun": [...]} on stdout.
"use strict";
const fs = require("fs");

const modules = ["apiGateway", "compute", "database", "elasticsearch", "network", "security", "storage"];
const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const disabled = new Set(input.disabled || []);

// The pack registers its policies in a module-private map; each module also exports them under the same key.
const policies = [];
for (const m of modules) {
    for (const [key, value] of Object.entries(require(`@pulumi/awsguard/${m}`))) {
        if (value && typeof value === "object" && typeof value.name === "string") policies.push({ key, policy: value });
    }
}

class NotApplicable extends Error {}

// "aws:lb:LoadBalancer" -> "aws:lb/loadBalancer:LoadBalancer" (the token the engine sends to analyzers).
function fullToken(type) {
    const parts = type.split(":");
    if (parts.length !== 3 || parts[1].includes("/") || parts[0] === "pulumi" || parts[0] === "awsx") return type;
    const [pkg, mod, name] = parts;
    return `${pkg}:${mod}/${name[0].toLowerCase()}${name.slice(1)}:${name}`;
}

function tokensFor(type) {
    const token = fullToken(type);
    const [pkg, mod, name] = token.split(":");
    if (pkg === "aws" && mod.startsWith("lb/")) {
        const tail = mod.slice("lb/".length);
        return [token, `aws:elasticloadbalancingv2/${tail}:${name}`, `aws:applicationloadbalancing/${tail}:${name}`];
    }
    return [token];
}

function defaults(policy) {
    const config = {};
    for (const [k, v] of Object.entries((policy.configSchema && policy.configSchema.properties) || {})) {
        if (v && v.default !== undefined) config[k] = v.default;
    }
    return config;
}

async function main() {
    const violations = [];
    const checked = new Set();
    const notRun = [];
    for (const { key, policy } of policies) {
        if (disabled.has(key)) continue;
        if (!policy.validateResource) notRun.push({ key, policy: policy.name, reason: "a stack policy: it reads deployed resources through the AWS API" });
    }
    for (const [templateName, template] of Object.entries(input.templates)) {
        for (const [name, resource] of Object.entries(template.resources || {})) {
            const props = resource.properties || {};
            const options = resource.options || {};
            for (const type of tokensFor(resource.type)) {
                const urn = `urn:pulumi:${templateName}::deployments::${type}::${name}`;
                for (const { key, policy } of policies) {
                    if (disabled.has(key) || !policy.validateResource) continue;
                    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
                    for (const validate of validations) {
                        if (validate.__pulumiType && validate.__pulumiType !== type) continue;
                        const isType = c => (c && c.__pulumiType === type) || (c && typeof c.isInstance === "function" && c.isInstance({ __pulumiType: type }) === true);
                        const args = {
                            type, props, urn, name,
                            opts: { protect: options.protect === true, ignoreChanges: options.ignoreChanges || [], aliases: [], additionalSecretOutputs: [], dependsOn: options.dependsOn || [] },
                            stackTags: new Map(),
                            isType,
                            asType: c => (isType(c) ? props : undefined),
                            getConfig: () => defaults(policy),
                            notApplicable: reason => { throw new NotApplicable(reason); },
                        };
                        const report = message => violations.push({
                            template: templateName, resource: name, type, key, policy: policy.name,
                            message: typeof message === "string" ? message : (message && message.message) || policy.description,
                        });
                        try {
                            await Promise.resolve(validate(args, report));
                            checked.add(`${key} ${type}`);
                        } catch (e) {
                            if (!(e instanceof NotApplicable)) throw e;
                        }
                    }
                }
            }
        }
    }
    process.stdout.write(JSON.stringify({ violations, checked: [...checked].sort(), notRun }) + "\n");
}

main().catch(e => { process.stderr.write(`${e.stack || e}\n`); process.exit(1); });
