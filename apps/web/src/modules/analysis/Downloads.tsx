import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { type CsvCell, downloadCsv, toCsv } from './csv.ts';

interface DownloadsProps {
  /** The server's exports of the same data. */
  csvHref?: string;
  xlsxHref?: string;
  /** When the data shown is not one server export: a CSV built here from the table. */
  csv?: { filename: string; rows: () => CsvCell[][] };
  /** What is downloaded, for screen readers (e.g. "la serie storica di Milano"). */
  what: string;
}

/** The downloads of a chart's data: CSV and XLSX from the server, or a CSV of the table built in the browser. */
export function Downloads({ csvHref, xlsxHref, csv, what }: DownloadsProps) {
  const { t } = useTranslation();
  return (
    <div className="d-flex flex-wrap align-items-center gap-2 mb-3 d-print-none">
      {csvHref && (
        <a className="btn btn-outline-primary btn-sm" href={csvHref} download>
          <Icon name="download" color="primary" size="sm" className="me-1" />
          {t('analysis.download.csv')}
          <span className="visually-hidden"> – {what}</span>
        </a>
      )}
      {csv && !csvHref && (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => downloadCsv(csv.filename, toCsv(csv.rows()))}>
          <Icon name="download" color="primary" size="sm" className="me-1" />
          {t('analysis.download.csv')}
          <span className="visually-hidden"> – {what}</span>
        </button>
      )}
      {xlsxHref && (
        <a className="btn btn-outline-primary btn-sm" href={xlsxHref} download>
          <Icon name="download" color="primary" size="sm" className="me-1" />
          {t('analysis.download.xlsx')}
          <span className="visually-hidden"> – {what}</span>
        </a>
      )}
    </div>
  );
}
