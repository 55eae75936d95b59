// Tallyfy: Toggle Group by Company (the `tallyfy.groupByCompany` setting).
import { readSettings, updateSetting } from '../../session/settings';

export async function toggleGroupByCompany(): Promise<void> {
  await updateSetting('groupByCompany', !readSettings().groupByCompany);
}
