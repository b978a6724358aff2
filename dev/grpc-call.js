// Calls one unary RPC of the mesh with a JSON request; see dev/grpc.
const path = require('path');
const fs = require('fs');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [protoDir, address, fullMethod, json = '{}'] = process.argv.slice(2);
const [service, method] = fullMethod.split('/');
const sources = path.join(protoDir, 'src/main/proto');
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.proto')) files.push(path.relative(sources, full));
  }
})(sources);

const definition = protoLoader.loadSync(files, {
  includeDirs: [sources, path.join(protoDir, 'target/proto-deps')],
  keepCase: false, longs: String, enums: String, defaults: false, oneofs: true,
});
const Service = grpc.loadPackageDefinition(definition);
const ctor = service.split('.').reduce((node, part) => node && node[part], Service);
if (!ctor) { console.error(`unknown service ${service}`); process.exit(2); }
const client = new ctor(address, grpc.credentials.createInsecure());
const lower = method.charAt(0).toLowerCase() + method.slice(1);
if (typeof client[lower] !== 'function') { console.error(`unknown method ${fullMethod}`); process.exit(2); }

const metadata = new grpc.Metadata();
if (process.env.TOKEN) metadata.set('authorization', `Bearer ${process.env.TOKEN}`);
client[lower](JSON.parse(json), metadata, { deadline: Date.now() + 10000 }, (error, response) => {
  if (error) {
    let details = error.details;
    try { details = decodeURIComponent(details); } catch (notEncoded) { /* shown as received */ }
    console.error(`${grpc.status[error.code]}: ${details}`);
    process.exit(1);
  }
  console.log(JSON.stringify(response, null, 2));
  client.close();
});
