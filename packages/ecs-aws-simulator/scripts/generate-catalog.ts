/* Writes examples/org.yaml and examples/entities.yaml from demoFleet(), so the sample catalog
 * always annotates the services the simulator serves. */
import fs from 'node:fs';
import path from 'node:path';
import { entitiesYaml, orgYaml } from '../src/catalog/catalogFromFleet';
import { demoFleet } from '../src/fleet/demoFleet';

const examples = path.resolve(__dirname, '../../../examples');
const fleet = demoFleet();
fs.writeFileSync(path.join(examples, 'org.yaml'), orgYaml(fleet));
fs.writeFileSync(path.join(examples, 'entities.yaml'), entitiesYaml(fleet));
process.stdout.write(
  `Wrote ${path.join(examples, 'org.yaml')} and entities.yaml\n`,
);
