import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import { prepared, type ReadModelDatabase } from '@kom/projections';
import type { MeasureArea, Ministry } from '../domain/measure.events';
import { MEASURES_TABLE } from './measures.projection';

export interface MeasureRow {
  number: number;
  titleNb: string;
  titleEn: string;
  area: MeasureArea;
  ministries: Ministry[];
}

interface Stored {
  number: number;
  titleNb: string;
  titleEn: string;
  area: MeasureArea;
  ministries: string;
}

const SELECT = `SELECT number, title_nb AS titleNb, title_en AS titleEn, area, ministries FROM ${MEASURES_TABLE}`;

@Injectable()
export class MeasuresQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  byNumber(number: number): MeasureRow | undefined {
    const row = prepared(this.readModels.db, `${SELECT} WHERE number = ?`).get(number) as Stored | undefined;
    return row && toRow(row);
  }

  /** By number; optionally only one area's, or those a ministry is responsible for (alone or with others). */
  list(filter: { area?: MeasureArea | null; ministry?: Ministry | null } = {}): MeasureRow[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.area) {
      where.push('area = @area');
      params.area = filter.area;
    }
    if (filter.ministry) {
      where.push('EXISTS (SELECT 1 FROM json_each(ministries) WHERE value = @ministry)');
      params.ministry = filter.ministry;
    }
    const sql = `${SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY number`;
    return (prepared(this.readModels.db, sql).all(params) as Stored[]).map(toRow);
  }
}

function toRow(row: Stored): MeasureRow {
  return { ...row, ministries: JSON.parse(row.ministries) as Ministry[] };
}
